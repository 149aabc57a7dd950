"""MkDocs hooks: mount quizzes/ and case_studies/ into the site, so each lives once, outside docs/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent


def on_files(files, config):
    _check_case_studies()
    for path in sorted((ROOT / "case_studies").glob("*.md")):
        files.append(File.generated(config, f"case-studies/{path.name}", abs_src_path=str(path)))
    for path in sorted((ROOT / "quizzes").glob("week-*.yml")):
        # The page is rendered from the YAML by the quiz_page macro, in practice or graded mode.
        files.append(File.generated(config, f"quizzes/{path.stem}.md",
                                    content=f'{{{{ quiz_page("{path.stem}") }}}}\n'))
    return files


def on_page_content(html, page, config, files):
    """Every glossary acronym shows its expansion where it is used, in prose, quizzes and checklists alike."""
    from course.glossary import expand_acronyms, load_glossary

    return expand_acronyms(html, load_glossary())


def _check_case_studies():
    """Invalid case-study front matter fails the build, naming the file and the field."""
    from course.case_studies import load_case_studies
    from course.errors import CourseDataError

    load_case_studies.cache_clear()
    try:
        load_case_studies(ROOT / "case_studies")
    except CourseDataError as exc:
        raise PluginError("Invalid case-study front matter:\n" + "\n".join(exc.problems)) from None
