"""The page that opens the course: site/index.html, where a trainee chooses English or French.

    python -m editions.languages SITE_DIR

Written (with its .gz copy, like every text file of the site) beside the languages' builds,
site/en/ and site/fr/; its text is docs/index.html.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from course.content.languages import LANGUAGES as NAMES
from macros.precompress import precompress_file

ROOT = Path(__file__).resolve().parent.parent
CHOICE = ROOT / "docs" / "index.html"
LANGUAGES = tuple(NAMES)      # each has its own build: site/en/, site/fr/


def write_language_choice(site: Path) -> Path:
    missing = [lang for lang in LANGUAGES if not (site / lang / "index.html").is_file()]
    if missing:
        raise SystemExit(f"Error: {site} has no {' or '.join(missing)} build (site/<lang>/index.html); "
                         "run `make site`")
    target = site / "index.html"
    shutil.copyfile(CHOICE, target)
    precompress_file(target)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m editions.languages SITE_DIR")
    print(write_language_choice(Path(sys.argv[1])))
