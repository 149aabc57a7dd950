"""The zip for USB sticks: the built site as trainees open it from file://.

    python -m editions.usb_zip SITE_DIR OUT.zip
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

from editions import command
from editions.languages import LANGUAGES

# From file:// Material's search reads search/search_index.js; the JSON copy (one per language's site)
# serves web servers only.
LEFT_OUT = "search/search_index.json"


def edition_parts(site: Path) -> set[str] | None:
    """The top-level entries of a bilingual build (the language choice and each language's site), or
    None for a one-language site: files an older build left beside them are not part of the course."""
    if (site / "index.html").is_file() and all((site / lang).is_dir() for lang in LANGUAGES):
        return {"index.html", *LANGUAGES}
    return None


def write_zip(site: Path, out: Path, top: str = "site") -> Path:
    """Zip `site` under folder `top`, leaving out what a file:// reader never opens; written atomically."""
    parts = edition_parts(site)
    strays = sorted(p.name for p in site.iterdir() if parts is not None and p.name not in parts
                    and p.name.removesuffix(".gz").removesuffix(".br") not in parts)
    if strays:
        print(f"Left out of the zip, not part of this build: {', '.join(strays)} (in {site})")
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
    os.close(handle)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(site.rglob("*")):
                name = path.relative_to(site).as_posix()
                if parts is not None and name.split("/")[0] not in parts:
                    continue
                left_out = name == LEFT_OUT or name.endswith("/" + LEFT_OUT)
                if path.is_file() and not left_out and not name.endswith((".gz", ".br")):
                    archive.write(path, f"{top}/{name}")
        os.chmod(partial, 0o644)
        os.replace(partial, out)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return out


def main(argv: list[str]) -> int:
    return command(write_zip, "python -m editions.usb_zip SITE_DIR OUT.zip", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
