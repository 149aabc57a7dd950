"""Shared fixtures: strict builds of the site, and real Chromium with the network cut off."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from editions.languages import write_language_choice

# Hypothesis keeps no example database in the checkout (tests write only to tmp dirs), and no deadline:
settings.register_profile("no-database", database=None, deadline=None)   # shared, loaded machines
settings.load_profile("no-database")

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.fr.yml", "docs", "assets", "overrides", "course", "macros", "quizzes",
                 "case_studies")
# A draft build shows a missing French page's English text (macros/hooks.py), for tests that build a
# copy with a page missing on purpose; the French fixture below is strict.
DRAFT = {"COURSE_DRAFT_TRANSLATION": "1"}


class BuildError(Exception):
    pass


def build_site(out: Path, project: Path = ROOT, config: str = "mkdocs.yml", **env) -> Path:
    """Strict build of `project` (`config`: mkdocs.fr.yml for French) into `out`; raises BuildError
    with MkDocs' output on any warning."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    # Import the project's own `course` package (a copy under test may have edited its data).
    environ["PYTHONPATH"] = os.pathsep.join([str(project), environ.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(project / config), "-d", str(out)],
        capture_output=True, text=True, env=environ, cwd=project)
    if result.returncode != 0:
        raise BuildError(result.stdout + result.stderr)
    return out


def copy_project(dest: Path) -> Path:
    """A copy of the project's site sources, to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    if (ROOT / "node_modules").is_dir():       # the build copies the search worker shim from there
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as a trainee gets it (practice mode), built once per test run."""
    return build_site(tmp_path_factory.mktemp("site") / "site", QUIZ_MODE="practice")


@pytest.fixture(scope="session")
def pages(site) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def site_fr(tmp_path_factory) -> Path:
    """The French site (practice mode), built strictly once per test run: a missing translation fails it."""
    return build_site(tmp_path_factory.mktemp("site-fr") / "site", config="mkdocs.fr.yml",
                      QUIZ_MODE="practice", COURSE_DRAFT_TRANSLATION="0")


@pytest.fixture(scope="session")
def editions(site, site_fr, tmp_path_factory) -> Path:
    """Both languages as `make site` lays them out: en/, fr/ and the language-choice index.html."""
    root = tmp_path_factory.mktemp("editions") / "site"
    shutil.copytree(site, root / "en")
    shutil.copytree(site_fr, root / "fr")
    write_language_choice(root)
    return root


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed: CI must run the browser tests (apt-get install -y chromium)")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=path,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


class OfflinePage:
    """A browser page where every request that is not file: is aborted and recorded."""

    def __init__(self, context):
        self.context = context
        self.blocked: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:") or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


# course.css paints a focused link's full text (its ::after, or its <abbr>'s) at the foot of the screen.
_AT_THE_FOOT = """link => {
  const at = document.elementFromPoint(innerWidth / 2, innerHeight - 18);
  const content = getComputedStyle(link.querySelector(':scope > abbr') || link, '::after').content;
  return at && link.contains(at) && content !== 'none' ? JSON.parse(content) : '';
}"""


def shown_at_the_foot(link) -> str:
    """The text painted at the foot of the screen for a link (a Playwright locator), or '' if none is."""
    return link.evaluate(_AT_THE_FOOT)


@pytest.fixture
def offline(browser, tmp_path):
    """A fresh offline browser context (own storage) per test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield OfflinePage(context)
    context.close()


# The source documents sit beside the project (../shared/seeds), as on developers' machines and in CI.
SEEDS = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
SOURCE_FILES = {
    "000": "000_19207327cf0b9251.txt",
    "001": "001_945ba2a384a8805c.txt",
    "002": "002_93e86c4c858dcb2e.txt",
    "003": "003_b686a6334926d2b6.txt",
    "004": "004_83c6f84ad271645a.txt",
}


def source_lines(document: str) -> list[str]:
    """The lines of a source document, for tests that check a fact against the line it came from."""
    path = SEEDS / SOURCE_FILES[document]
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"source documents missing at {SEEDS}: CI must check facts against them")
        pytest.skip(f"source documents not available at {SEEDS} (set SEEDS_DIR)")
    return path.read_text(encoding="utf-8").splitlines()


def npm_package(name: str) -> Path:
    """The folder of a checker installed from package.json (`npm ci`), for tests that run it in Node."""
    folder = ROOT / "node_modules" / name
    if shutil.which("node") is None or not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed: CI must run `npm ci` (Node.js and npm from apt)")
        pytest.skip(f"{name} is not installed (apt-get install -y nodejs npm, then npm ci)")
    return folder


@pytest.fixture(autouse=True)
def tutor_config(tmp_path_factory, monkeypatch) -> Path:
    """A configuration folder of the test's own (the centre's secret goes there): never the machine's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder / "course"
