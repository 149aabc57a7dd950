"""Both editions as `make site` lays them out (site/en, site/fr, site/index.html), in real Chromium from
file:// with the network cut off: the language choice, the switch on every page, French search."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

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
