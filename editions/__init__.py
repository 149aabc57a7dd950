"""The course's offline editions built from a strict site build: the USB zip, the Kiwix ZIM, the PDF,
the SCORM package for an LMS."""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path

# The header's language switch (overrides/partials/alternate.html) and links in general to the other
# language's build: an edition holding one language (ZIM, SCORM) keeps no link that leads outside it.
_LANGUAGE_SWITCH = re.compile(r'\s*<div class="md-header__option course-language">.*?</div>', re.S)
_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"#?]*)[^"]*"[^>]*>(.*?)</a>', re.S)


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


def one_language(html: str, page: str) -> str:
    """`html` of the site's `page` ("modules/step-1.html") without the language switch, and with every
    relative link that leads outside the site turned into its text."""
    html = _LANGUAGE_SWITCH.sub("", html)
    folder = posixpath.dirname(page)

    def inside(match: re.Match) -> str:
        target = match.group(1)
        if not target or ":" in target or target.startswith("/"):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(folder, target))
        return match.group(2) if resolved.startswith("../") or resolved == ".." else match.group(0)

    return _LINK.sub(inside, html)


def one_language_files(site: Path) -> None:
    """Apply one_language to every page of a staged copy of a site, in place."""
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        changed = one_language(text, path.relative_to(site).as_posix())
        if changed != text:
            path.write_text(changed, encoding="utf-8")
