"""Print how each course page reads: sentences, average and longest sentence, citation share.

    python bench/reading.py [SITE_DIR]     # a built site (e.g. one built from an older commit), or build one

Figures only, no budget: tests/test_reading.py holds the modules to the limits.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from reading import reading, reading_pages, table  # noqa: E402


def main(argv: list[str]) -> int:
    if argv:
        return report(Path(argv[0]))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp], cwd=ROOT, check=True)
        return report(Path(tmp))


def report(site: Path) -> int:
    readings = [reading(p.read_text(encoding="utf-8"), str(p.relative_to(site))) for p in reading_pages(site)]
    print(table(readings))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
