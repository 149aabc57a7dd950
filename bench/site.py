"""Site budgets (DESIGN.md): build time vs a plain Material build, per language; page first load; zip size.

Run: .venv/bin/python bench/site.py   (or `make bench`). Prints figures and exits 1 if over budget.
Times are ratios against a baseline measured in the same run, since these machines are noisy: wall time and the
process CPU time of the build and its children (Node), each the median of RUNS alternating builds.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from editions.languages import write_language_choice  # noqa: E402
from editions.usb_zip import write_zip  # noqa: E402

BUILD_RATIO_BUDGET = 1.5
PAGE_BUDGET = 350 * 1024            # DESIGN: a page's first load, HTML + CSS + JS, search index excluded
ZIP_BUDGET = 3 * 1024 * 1024          # DESIGN: zip of both languages
RUNS = 5

LANGUAGES = {"en": "mkdocs.yml", "fr": "mkdocs.fr.yml"}     # each language's configuration, as `make site`
# Stock Material in the page's language, its search plugin, ordinary Markdown extensions.
PLAIN_CONFIG = """site_name: Plain baseline
theme:
  name: material
  language: {lang}
plugins:
  - search:
      lang: {lang}
markdown_extensions: [admonition, attr_list, def_list, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences]
"""


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command and every process it waited for) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=cwd, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed_build(config: Path, out: Path, env: dict) -> tuple[float, float]:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)], env, config.parent)


def timed_prebuild(site: Path, env: dict) -> tuple[float, float]:
    """The part of our build that makes the search index read from file:// (macros/search_prebuild.js, in Node),
    run again on the built site: printed beside the ratio, so that what it costs is seen; the budget counts it."""
    node = shutil.which("node")
    return timed([node, str(ROOT / "macros" / "search_prebuild.js"), str(site)], env, ROOT) if node else (0.0, 0.0)


def rendered_markdown(dest: Path, lang: str = "en") -> None:
    """Build the course once in-process and keep every page's Markdown as the macros rendered it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    class KeepMarkdown(BasePlugin):
        def on_page_markdown(self, markdown, page, **kwargs):
            target = dest / page.file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
            return markdown

    config = load_config(str(ROOT / LANGUAGES[lang]), site_dir=str(dest.parent / "rendered-site"))
    config.plugins["bench-keep-markdown"] = KeepMarkdown()     # registered last: runs after the macros
    build(config)


def plain_project(dest: Path, lang: str = "en") -> Path:
    """A plain Material project with the same Markdown: each page of `lang` as the trainee reads it."""
    rendered_markdown(dest / "docs", lang)
    (dest / "mkdocs.yml").write_text(PLAIN_CONFIG.format(lang=lang))
    return dest / "mkdocs.yml"


def first_load(site: Path, page: Path) -> list[Path]:
    """The files a first visit to `page` loads (HTML, its stylesheets and scripts, the search worker that
    Material starts on every page), the search index excluded."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"', html)
    files = {page} | {(page.parent / ref).resolve() for ref in refs}
    files |= set((site / "assets" / "javascripts" / "workers").glob("*.js"))
    return sorted(f for f in files if f.is_file())


def served_size(path: Path) -> int:
    """Bytes sent for a file as the hosting guide serves it: its .gz copy (nginx gzip_static) if there is one."""
    gz = path.with_name(path.name + ".gz")
    return (gz if gz.is_file() else path).stat().st_size


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def compare_builds(tmp: Path, lang: str, env: dict) -> bool:
    """Our strict build of `lang` against a plain Material build of its rendered Markdown, alternating."""
    plain_cfg = plain_project(tmp / f"plain-{lang}", lang)
    ours, plain, prebuild = [], [], []
    print(f"build {lang}: {load()} before", flush=True)
    for _ in range(RUNS):                       # alternate, so drift hits both alike
        ours.append(timed_build(ROOT / LANGUAGES[lang], tmp / f"ours-{lang}", {**env, "QUIZ_MODE": "practice"}))
        prebuild.append(timed_prebuild(tmp / f"ours-{lang}", env))
        plain.append(timed_build(plain_cfg, tmp / f"plain-site-{lang}", env))
    ok = True
    for i, what in enumerate(("wall", "CPU")):
        o, p = statistics.median(t[i] for t in ours), statistics.median(t[i] for t in plain)
        index = statistics.median(t[i] for t in prebuild)
        print(f"build {lang} {what}: ours {o:.2f} s, plain Material {p:.2f} s (median of {RUNS}), "
              f"ratio {o / p:.2f} (budget {BUILD_RATIO_BUDGET}); of ours, the search index for file:// "
              f"{index:.2f} s, and the rest {(o - index) / p:.2f}x plain")
        ok &= o / p <= BUILD_RATIO_BUDGET
    print(f"build {lang}: {load()} after", flush=True)
    return ok


def main() -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for lang in LANGUAGES:
            ok &= compare_builds(tmp, lang, env)

        # Every page, as the hosting guide serves it (what a weak link carries); the bytes on disk, which
        # file:// reads from the zip, are printed beside.
        site = tmp / "ours-en"
        pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
        weight = {p: sum(served_size(f) for f in first_load(site, p)) for p in pages}
        heaviest = max(pages, key=weight.get)
        on_disk = sum(f.stat().st_size for f in first_load(site, heaviest))
        print(f"heaviest page first load: {heaviest.relative_to(site)} {weight[heaviest] / 1024:.0f} KB served "
              f"(budget {PAGE_BUDGET // 1024} KB, search index excluded; {on_disk / 1024:.0f} KB on disk)")
        ok &= weight[heaviest] <= PAGE_BUDGET

        # The zip `make site` ships: both languages, as just built, and the language choice.
        both = tmp / "both"
        for lang in LANGUAGES:
            shutil.copytree(tmp / f"ours-{lang}", both / lang)
        write_language_choice(both)
        archive = write_zip(both, tmp / "course-site.zip")
        size = archive.stat().st_size
        with zipfile.ZipFile(archive) as z:
            count = len(z.namelist())
        print(f"offline zip: {size / 1024 / 1024:.2f} MB, {count} files (budget {ZIP_BUDGET // 1024 // 1024} MB)")
        ok &= size <= ZIP_BUDGET
    print("site budgets:", "OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
