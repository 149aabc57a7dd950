"""The offline promise, in real Chromium: the site opened from file:// with the network cut off."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_navigation_works_offline(site, offline):
    page = offline.page
    page.goto((site / "index.html").as_uri())
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Developing Labour Migration Policy"
    page.get_by_role("link", name="full syllabus").click()
    page.wait_for_load_state()
    assert page.url.endswith("/syllabus.html")
    assert page.locator("h1").inner_text().rstrip("¶") == "Syllabus"
    assert page.get_by_role("heading", name="Week 6:").count() == 1
    assert offline.blocked == [], f"requests outside the site: {offline.blocked}"
    assert offline.errors == []


def test_search_finds_content_offline(site, offline):
    page = offline.page
    page.goto((site / "glossary.html").as_uri())
    page.locator(".md-search__input").click()
    page.keyboard.type("portability", delay=20)     # Material searches as the trainee types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    texts = results.all_inner_texts()
    assert any("Glossary" in t for t in texts), texts
    assert offline.blocked == [], f"requests outside the site: {offline.blocked}"
    assert offline.errors == []


def test_checklist_ticks_survive_reload(site, offline):
    page = offline.page
    page.goto((site / "study-offline.html").as_uri())
    checklist = page.locator('[data-checklist="step-1-parameters"]')
    box = checklist.get_by_label("Who will lead, and who will carry out the policy?")
    assert not box.is_checked()
    box.focus()
    page.keyboard.press("Space")            # by keyboard, as a trainee without a mouse would
    assert box.is_checked()
    assert "1 of 7 ticked" in checklist.locator(".course-checklist__status").inner_text()
    page.reload()
    box = page.locator('[data-checklist="step-1-parameters"]').get_by_label(
        "Who will lead, and who will carry out the policy?")
    assert box.is_checked()
    page.get_by_role("button", name="Clear my ticks").click()
    page.reload()
    assert not page.get_by_label("Who will lead, and who will carry out the policy?").is_checked()
    assert offline.blocked == [] and offline.errors == []


def test_printed_checklist_shows_empty_boxes(site, offline):
    page = offline.page
    page.goto((site / "study-offline.html").as_uri())
    box = page.get_by_label("Is a national labour migration policy the right answer?")
    box.check()
    page.emulate_media(media="print")
    style = box.evaluate("b => { const s = getComputedStyle(b); return [s.appearance, s.backgroundColor]; }")
    assert style == ["none", "rgb(255, 255, 255)"]
    assert not page.get_by_role("button", name="Clear my ticks").is_visible()


def test_keyboard_reaches_the_content_first(site, offline):
    page = offline.page
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.textContent.trim()]")
    assert focused[0] == "A" and "Skip to content" in focused[1]
