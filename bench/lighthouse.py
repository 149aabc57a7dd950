"""A trainee's first load, measured by Lighthouse 12 (mobile: simulated slow 4G and a 4× slower CPU)
on every page type, ours against a stock Material build of the same rendered Markdown, both served
by nginx as the hosting guide says, in the same run. Also prints the zip and ZIM sizes.

Run: .venv/bin/python bench/lighthouse.py   (needs `npm ci`, Debian's chromium and nginx; zim-tools
for the ZIM size). Exits 1 if a page of ours scores under 90 or its LCP is over 2.5 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from editions.hosting import served  # noqa: E402
from editions.usb_zip import write_zip  # noqa: E402
from macros.precompress import precompress  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {               # page type -> page
    "home": "index.html",
    "module": "modules/step-4.html",
    "quiz": "quizzes/week-1.html",
    "case study": "case-studies/sri-lanka.html",
    "glossary": "glossary.html",
}
SCORE_BUDGET = 90
LCP_BUDGET_MS = 2500
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))      # one run is ±20 points on a shared machine


def bench_site_module():
    """bench/site.py (its name hides it from a plain import: the standard library has `site`)."""
    spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).with_name("site.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stock_url(page: str) -> str:
    """Where a stock Material build (directory URLs) puts `page`."""
    return "" if page == "index.html" else page.removesuffix(".html") + "/"


def lighthouse(url: str, chrome: str) -> dict:
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", "--output-path=stdout",
         "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome})
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {"score": round(report["categories"]["performance"]["score"] * 100),
            "lcp": audits["largest-contentful-paint"]["numericValue"],
            "fcp": audits["first-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"],
            "main": audits["mainthread-work-breakdown"]["numericValue"],   # less sensitive to load than the score
            "kib": audits["total-byte-weight"]["numericValue"] / 1024}


def median_run(url: str, chrome: str) -> dict:
    runs = [lighthouse(url, chrome) for _ in range(RUNS)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def build(config: Path, out: Path, env: dict) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config), "-d", str(out)],
                   check=True, env=env, cwd=config.parent, capture_output=True)


def main() -> int:
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if not LIGHTHOUSE.exists() or chrome is None:
        print("needs `npm ci` (Lighthouse) and Debian's chromium", file=sys.stderr)
        return 1
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "QUIZ_MODE": "practice"}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = tmp / "ours"
        build(ROOT / "mkdocs.yml", ours, env)
        stock_config = bench_site_module().plain_project(tmp / "stock")
        stock = tmp / "stock-site"
        build(stock_config, stock, env)
        precompress(stock)           # the same server treatment for both: .gz copies sent by gzip_static

        zip_size = write_zip(ours, tmp / "course-site.zip").stat().st_size
        print(f"zip: {zip_size / 1024 / 1024:.2f} MB")
        if shutil.which("zimwriterfs"):
            from editions.zim import write_zim
            zim_size = write_zim(ours, tmp / "course.zim").stat().st_size
            print(f"ZIM: {zim_size / 1024 / 1024:.2f} MB ({'no larger' if zim_size <= zip_size else 'LARGER'} "
                  f"than the zip)")
            ok &= zim_size <= zip_size

        print(f"Lighthouse 12 mobile, median of {RUNS}; served by nginx with the hosting guide's settings")
        print(f"{'page type':<11} {'':6} {'score':>5} {'LCP s':>6} {'FCP s':>6} {'TBT ms':>7} {'main s':>6} {'KiB':>6} "
              f"{'load':>5}")
        with served(ours, tmp / "nginx-ours") as ours_root, served(stock, tmp / "nginx-stock") as stock_root:
            for kind, page in PAGES.items():
                for label, url in (("ours", f"{ours_root}/{page}"), ("stock", f"{stock_root}/{stock_url(page)}")):
                    r = median_run(url, chrome)
                    print(f"{kind:<11} {label:6} {r['score']:5.0f} {r['lcp'] / 1000:6.2f} {r['fcp'] / 1000:6.2f} "
                          f"{r['tbt']:7.0f} {r['main'] / 1000:6.2f} {r['kib']:6.0f} {os.getloadavg()[0]:5.1f}", flush=True)
                    if label == "ours":
                        ok &= r["score"] >= SCORE_BUDGET and r["lcp"] <= LCP_BUDGET_MS
    print(f"budgets (ours: score ≥ {SCORE_BUDGET}, LCP ≤ {LCP_BUDGET_MS / 1000} s):", "OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
