"""The course's offline editions built from a strict site build: the USB zip, the Kiwix ZIM, the PDF,
the SCORM package for an LMS."""

from __future__ import annotations

import sys
from pathlib import Path


class EditionError(Exception):
    """A problem the person building an edition can fix (a missing tool, a site not built)."""


def command(write, usage: str, argv: list[str]) -> int:
    """`python -m editions.X SITE_DIR OUT`: write the edition, or say in one line what is wrong."""
    if len(argv) != 2:
        print(f"usage: {usage}", file=sys.stderr)
        return 2
    site, out = Path(argv[0]), Path(argv[1])
    if not (site / "index.html").is_file():
        print(f"Error: {site} is not a built site (no index.html); run `make site` first", file=sys.stderr)
        return 1
    try:
        write(site, out)
    except EditionError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"{out}: {out.stat().st_size / 1024 / 1024:.2f} MB")
    return 0
