"""MkDocs hook: a .gz copy beside every text file a server sends, for servers that send it as it is
(nginx gzip_static; see docs/en/hosting.md), so no server compresses the same file on every request."""

from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.plugins import event_priority

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
SMALLEST = 256            # bytes: below this a .gz copy saves less than its headers cost
# Read only from file:// (over http Material fetches search_index.json): a copy no server sends, and at
# 3 MB the costliest file of the build to compress.
FILE_URL_ONLY = ("search/search_index.js",)


def precompress_file(path: Path) -> Path | None:
    """Write `path`.gz beside a text file worth compressing; the copy written, if any."""
    if path.suffix in TEXT and path.is_file() and path.stat().st_size >= SMALLEST:
        target = path.with_name(path.name + ".gz")
        # mtime=0: the same site gives the same bytes, so a copy to the server changes nothing else
        target.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        return target
    return None


def precompress(site: Path) -> list[Path]:
    return [target for path in sorted(site.rglob("*"))
            if path.relative_to(site).as_posix() not in FILE_URL_ONLY and (target := precompress_file(path))]


@event_priority(-300)          # last: after the offline plugin and lean_site have settled the files
def on_post_build(config):
    precompress(Path(config.site_dir))
