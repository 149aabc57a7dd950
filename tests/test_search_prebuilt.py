"""Search from file:// loads an index built at build time (macros/search_prebuilt.py) instead of building it on
every page. Oracle: the theme's own worker, building its index from search_index.json as before, must answer
every query exactly as the worker that loads the prebuilt index does (same pages, order, scores, highlighting)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {
    "en": ["steering committee", "recruitment fees", "bilateral labour agreement", "migr", "ILO", "Sri Lanka",
           "gender", "results chain", "focus group", "social dialogue", "zzzz"],
    "fr": ["comité de pilotage", "recrutement équitable", "accord bilatéral", "migrants", "OIT", "Sri Lanka",
           "genre", "chaîne de résultats", "dialogue social", "zzzz"],
}


@pytest.fixture(params=["en", "fr"])
def built(request):
    """(language, built site): the French build once the French edition exists."""
    if request.param == "en":
        return "en", request.getfixturevalue("site")
    try:
        return "fr", request.getfixturevalue("site_fr")
    except pytest.FixtureLookupError:
        pytest.skip("no French build yet (mkdocs.fr.yml)")


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.skip("Node.js is not installed (apt-get install -y nodejs)")
    return path


def index_script(site: Path) -> dict:
    text = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("var __index = "))


def answers(site: Path, queries: list[str]) -> list[dict]:
    result = subprocess.run([node(), str(ROOT / "tests" / "search_same_results.js"), str(site), *queries],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_prebuilt_index_answers_as_the_theme_built_one(built):
    lang, site = built
    node()
    assert "prebuilt" in index_script(site), "search_index.js carries no prebuilt index"
    served = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "prebuilt" not in served and "prebuilt" not in served["config"], "search_index.json (read over http) should stay as the theme writes it"
    results = answers(site, QUERIES[lang])
    assert [r["query"] for r in results] == QUERIES[lang]
    for r in results:
        assert r["same"], f"{lang} {r['query']!r}: built {r['built'][:5]} but prebuilt {r['prebuilt'][:5]}"
    found = [r["query"] for r in results if r["built"]]
    assert len(found) >= len(QUERIES[lang]) - 2, f"{lang}: too few queries find anything: {found}"


def test_the_worker_falls_back_to_building_when_the_index_is_not_its_own(site, tmp_path):
    """A prebuilt index from another lunr version is ignored: the worker builds its own, and answers alike."""
    node()
    copy = tmp_path / "site"
    shutil.copytree(site / "search", copy / "search")
    shutil.copytree(site / "assets" / "javascripts", copy / "assets" / "javascripts")
    data = index_script(copy)
    data["prebuilt"]["version"] = "0.0.0"
    (copy / "search" / "search_index.js").write_text("var __index = " + json.dumps(data), encoding="utf-8")
    result = subprocess.run([node(), str(ROOT / "tests" / "search_same_results.js"), str(copy), "steering committee"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "built its index although a prebuilt one was given" in result.stderr


# From file:// the worker is a frame of the page (iframe-worker): count the index builds its lunr makes.
COUNT_BUILDS = """() => {
  const worker = [...document.querySelectorAll("iframe")].map((frame) => frame.contentWindow).find((w) => w.lunr);
  window.courseBuilds = 0;
  const build = worker.lunr.Builder.prototype.build;
  worker.lunr.Builder.prototype.build = function () { window.courseBuilds++; return build.apply(this, arguments); };
}"""


@pytest.mark.browser
def test_search_from_file_uses_the_prebuilt_index(site, offline):
    page = offline.page
    page.goto((site / "modules" / "step-4.html").as_uri())
    page.wait_for_load_state("load")
    page.evaluate(COUNT_BUILDS)
    page.locator(".md-search__input").click()
    page.keyboard.type("recruitment fees")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=30000)
    assert page.evaluate("window.courseBuilds") == 0, "the worker built its index instead of loading the prebuilt one"
    assert first.locator("mark").count() > 0, "results are no longer highlighted"
    assert "step-4.html" in first.locator("a").first.get_attribute("href")
    assert offline.blocked == [] and offline.errors == []
