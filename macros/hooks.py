"""MkDocs hooks: mount quizzes/ and case_studies/ into the site, so each lives once, outside docs/.

Their content is validated with the rest of the course when the macros load it (macros/main.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent


def on_files(files, config):
    for path in sorted((ROOT / "case_studies").glob("*.md")):
        files.append(File.generated(config, f"case-studies/{path.name}", abs_src_path=str(path)))
    for path in sorted((ROOT / "quizzes").glob("week-*.yml")):
        # The page is rendered from the YAML by the quiz_page macro, in practice or graded mode.
        files.append(File.generated(config, f"quizzes/{path.stem}.md",
                                    content=f'{{{{ quiz_page("{path.stem}") }}}}\n'))
    return files
