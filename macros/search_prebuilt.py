"""MkDocs hook: search from file:// loads an index built here instead of building it on every page.

From file:// Material's search worker runs on the page's own thread, and building the index there took 5-8 s with
the CPU slowed 4x. Node runs the theme's own worker once at build time (macros/search_prebuild.js) and stores the
serialized index in search/search_index.js, the copy Material reads from file:// only; a small prelude to the worker
(macros/search_worker_prebuilt.js) loads it. search_index.json (read over http by a real worker) stays as it was.
Another prelude (macros/search_worker_pause.js) has the worker answer once typing pauses, over http too.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

HERE = Path(__file__).parent
log = get_plugin_logger(__name__)


def prebuild_search(site: Path) -> bool:
    """Write the prebuilt index into a built site; False when Node.js is missing."""
    node = shutil.which("node")
    if node is None:
        log.info("Node.js is not installed: search from file:// builds its index in the browser (slower)")
        return False
    if not (site / "search" / "search_index.json").is_file():
        return False
    result = subprocess.run([node, str(HERE / "search_prebuild.js"), str(site)], capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"prebuilding the search index failed:\n{result.stderr[-2000:]}")
    return True


def add_preludes(site: Path, names: list[str]) -> None:
    """Put our scripts in front of the theme's search worker, in the order given."""
    prelude = "".join((HERE / name).read_text(encoding="utf-8") for name in names)
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.js"):
        worker.write_text(prelude + worker.read_text(encoding="utf-8"), encoding="utf-8")


@event_priority(-150)      # after the offline plugin (-100) wrote search_index.js, before lean_site and precompress
def on_post_build(config):
    site = Path(config.site_dir)
    prebuilt = prebuild_search(site)
    add_preludes(site, ["search_worker_pause.js", *(["search_worker_prebuilt.js"] if prebuilt else [])])
