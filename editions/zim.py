"""The ZIM file for Kiwix readers (Android, iPhone, desktop), written by Debian's zim-tools.

    python -m editions.zim SITE_DIR OUT.zim

The language, title and description come from the built site itself, so each language's build
gives its own ZIM (`make zim COURSE_LANG=fr` writes course-fr.zim from site/fr).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from editions import EditionError, command, one_language_files

HERE = Path(__file__).resolve().parent
ILLUSTRATION = HERE / "illustration-48.png"
CREATOR = "International Labour Organization (source documents)"
PUBLISHER = "Labour migration policy course"
NAME = "labour-migration-policy-course"
# ZIM "Language" is ISO 639-3; the site's <html lang> is ISO 639-1.
ISO_639_3 = {"en": "eng", "fr": "fra"}
# Kiwix shows this in its library list: at most 80 characters (zimcheck's metadata rule).
DESCRIPTIONS = {
    "en": "Six-week offline course on developing labour migration policy, from ILO guides",
    "fr": "Cours hors ligne de six semaines : politique de migration de main-d'œuvre (OIT)",
}
# Kiwix serves pages over http, so Material's search reads search_index.json; the .js copy is for file://.
# Kiwix answers a missing page itself; the site's 404.html links from a web server's root (/en/…).
LEFT_OUT = {"search/search_index.js", "404.html"}
DESCRIPTION_LIMIT = 80          # the ZIM metadata rule zimcheck applies to Description


class ZimError(EditionError):
    pass


@dataclass(frozen=True)
class ZimMetadata:
    name: str
    title: str
    description: str
    language: str
    creator: str = CREATOR
    publisher: str = PUBLISHER


class _HomePage(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.site_name = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "a" and "md-logo" in (attrs.get("class") or "") and self.site_name is None:
            self.site_name = attrs.get("title")


def metadata_of(site: Path) -> ZimMetadata:
    """The ZIM metadata, read from the built site's home page."""
    home = _HomePage()
    home.feed((site / "index.html").read_text(encoding="utf-8"))
    if not home.lang or home.lang.split("-")[0] not in DESCRIPTIONS:
        raise ZimError(f"{site / 'index.html'}: <html lang> is {home.lang!r}; "
                       f"editions/zim.py knows: {', '.join(DESCRIPTIONS)}")
    if not home.site_name:
        raise ZimError(f"{site / 'index.html'}: no site name on the logo link")
    lang = home.lang.split("-")[0]
    return ZimMetadata(name=f"{NAME}_{lang}", title=home.site_name, description=DESCRIPTIONS[lang],
                       language=ISO_639_3[lang])


def zim_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ZimError(f"{name} is not installed (apt-get install -y zim-tools)")
    return path


def write_zim(site: Path, out: Path) -> Path:
    """Pack `site` into `out` with zimwriterfs; the ZIM appears only once it is complete."""
    meta = metadata_of(site)
    writer = zim_tool("zimwriterfs")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.stem}.") as tmp:
        staging = Path(tmp) / "content"
        shutil.copytree(site, staging, ignore=shutil.ignore_patterns("*.gz", "*.br"))
        for name in LEFT_OUT:
            (staging / name).unlink(missing_ok=True)
        one_language_files(staging)          # one language per ZIM: no link to the other one
        shutil.copy2(ILLUSTRATION, staging / "illustration-48.png")
        partial = Path(tmp) / out.name
        result = subprocess.run(
            [writer, "--welcome=index.html", "--illustration=illustration-48.png",
             f"--language={meta.language}", f"--title={meta.title}", f"--description={meta.description}",
             f"--creator={meta.creator}", f"--publisher={meta.publisher}", f"--name={meta.name}",
             "--scraper=mkdocs-material", str(staging), str(partial)],
            capture_output=True, text=True)
        if result.returncode != 0 or not partial.is_file():
            raise ZimError(f"zimwriterfs failed:\n{result.stdout}{result.stderr}")
        os.chmod(partial, 0o644)
        os.replace(partial, out)
    return out


def main(argv: list[str]) -> int:
    return command(write_zim, "python -m editions.zim SITE_DIR OUT.zim", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
