"""Both editions as `make site` lays them out (site/en, site/fr, site/index.html), in real Chromium from
file:// with the network cut off: the language choice, the switch on every page, French search."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

pytestmark = pytest.mark.browser


def switch_of(path: Path):
    links = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a.course-language__link")
    return links


@pytest.mark.parametrize("lang, other, label", [("en", "fr", "Français"), ("fr", "en", "English")])
def test_every_page_links_to_the_same_page_in_the_other_language(editions, lang, other, label):
    site = editions / lang
    wrong = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        links = switch_of(path)
        if page == "404.html":
            if links:
                wrong.append(f"{page}: the 404 page has no fixed place, so no switch")
            continue
        if len(links) != 1:
            wrong.append(f"{page}: {len(links)} language switches")
            continue
        link = links[0]
        target = (path.parent / link["href"]).resolve()
        if target != (editions / other / page).resolve() or not target.is_file():
            wrong.append(f"{page}: {link['href']} leads to {target}")
        if (link.get("hreflang"), link.get("lang"), link.get_text(strip=True)) != (other, other, label):
            wrong.append(f"{page}: {link}")
    assert wrong == []


def test_the_switch_round_trips_from_file(editions, offline):
    page = offline.page
    start = editions / "en" / "modules" / "step-1.html"
    page.goto(start.as_uri())
    page.get_by_role("link", name="Français", exact=True).click()
    page.wait_for_load_state()
    assert Path(page.url.removeprefix("file://")) == (editions / "fr" / "modules" / "step-1.html")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_load_state()
    assert Path(page.url.removeprefix("file://")) == start
    assert page.locator("html").get_attribute("lang") == "en"
    assert offline.blocked == [] and offline.errors == []


def test_the_language_choice_opens_each_edition_from_file(editions, offline):
    page = offline.page
    for name, lang in (("Open the course in English", "en"), ("Ouvrir le cours en français", "fr")):
        page.goto((editions / "index.html").as_uri())
        link = page.get_by_role("link", name=name)
        assert link.get_attribute("hreflang") == lang
        link.click()
        page.wait_for_load_state()
        assert Path(page.url.removeprefix("file://")) == editions / lang / "index.html"
        assert page.locator("html").get_attribute("lang") == lang
    assert offline.blocked == [] and offline.errors == []


def search(page, words: str) -> list[str]:
    """Type into Material's search box as a trainee does; the results' texts (waits for the first)."""
    page.locator(".md-search__input").click()
    page.keyboard.type(words, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=20000)
    return results.all_inner_texts()


@pytest.mark.parametrize("word", ["recrutement", "cohérence"])
def test_french_search_finds_french_words_from_file(editions, offline, word):
    page = offline.page
    page.goto((editions / "fr" / "glossary.html").as_uri())
    texts = search(page, word)
    # French stemming: the stem of the word typed is found in the results (lunr.fr loaded by the worker)
    assert any(word[:-2] in text.lower() for text in texts), texts
    assert offline.blocked == [] and offline.errors == []


def test_english_search_still_works_from_file(editions, offline):
    page = offline.page
    page.goto((editions / "en" / "glossary.html").as_uri())
    assert any("Glossary" in text for text in search(page, "portability"))
    assert offline.blocked == [] and offline.errors == []


def test_the_search_worker_shim_is_the_pinned_upstream_package(editions):
    shim = (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_bytes()
    for lang in ("en", "fr"):
        assert (editions / lang / "assets" / "javascripts" / "iframe-worker.js").read_bytes() == shim
    assert not (ROOT / "assets" / "javascripts" / "iframe-worker.js").exists()      # no copy in the repository


def test_a_one_language_edition_keeps_no_link_to_the_other_language(site):
    from editions import one_language

    page = (site / "modules" / "step-1.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' in page
    alone = one_language(page, "modules/step-1.html")
    assert "course-language" not in alone and 'hreflang="fr"' not in alone
    assert alone.count("<a ") == page.count("<a ") - 1          # only the switch went
    assert one_language('<a href="../../en/tutors.html">guide</a> <a href="../index.html">home</a>',
                        "tools/x.html") == 'guide <a href="../index.html">home</a>'
