"""The light/dark switch (overrides/partials/palette.html), in real Chromium from file://.

It replaces Material's palette form, whose script restyles every element of the page twice as it
starts; what a trainee sees must not change: the device's scheme first, a switch that works by
keyboard, and the choice kept from page to page (under Material's own storage key).
"""

from __future__ import annotations

import pytest

from conftest import OfflinePage

TO_DARK, TO_LIGHT = "Switch to dark mode", "Switch to light mode"      # mkdocs.yml, theme.palette[].toggle.name


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.fixture
def device(browser, request):
    """An offline page on a device that asks for the scheme given as the test's parameter."""
    context = browser.new_context(color_scheme=request.param, viewport={"width": 375, "height": 800})
    yield OfflinePage(context)
    context.close()


@pytest.mark.parametrize("device, shown, switch", [("light", "default", TO_DARK), ("dark", "slate", TO_LIGHT)],
                         indirect=["device"])
def test_the_page_opens_in_the_devices_scheme_with_one_switch(site, device, shown, switch):
    page = device.page
    page.goto((site / "modules" / "step-4.html").as_uri())
    assert scheme(page) == shown
    assert page.get_by_role("button", name=switch).is_visible()
    assert page.get_by_role("button", name=TO_LIGHT if switch == TO_DARK else TO_DARK).count() == 0   # hidden
    assert page.locator("[data-md-component=palette]").count() == 0      # not the theme's form and its restyling
    assert device.errors == [] and device.blocked == []


@pytest.mark.parametrize("device", ["light"], indirect=True)
def test_the_switch_works_by_keyboard_and_the_choice_follows_the_trainee(site, device):
    page = device.page
    page.goto((site / "modules" / "step-4.html").as_uri())
    page.get_by_role("button", name=TO_DARK).focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == TO_LIGHT   # focus stays on the switch
    page.goto((site / "glossary.html").as_uri())
    assert scheme(page) == "slate"                                         # another page, the same choice
    page.get_by_role("button", name=TO_LIGHT).focus()
    page.keyboard.press("Space")
    assert scheme(page) == "default"
    page.reload()
    assert scheme(page) == "default" and page.get_by_role("button", name=TO_DARK).is_visible()
    assert device.errors == [] and device.blocked == []


@pytest.mark.parametrize("device", ["light"], indirect=True)
def test_a_choice_stored_by_the_themes_own_switch_still_counts(site, device):
    page = device.page
    page.goto((site / "index.html").as_uri())
    page.evaluate("""__md_set("__palette", {index: 1, color: {media: "(prefers-color-scheme: dark)",
                     scheme: "slate", primary: "indigo", accent: "deep-orange"}})""")    # as Material's form saved it
    page.goto((site / "modules" / "step-4.html").as_uri())
    assert scheme(page) == "slate"
    assert page.get_by_role("button", name=TO_LIGHT).is_visible()


def test_the_french_switch_speaks_french(site_fr, offline):
    offline.page.goto((site_fr / "index.html").as_uri())
    assert offline.page.get_by_role("button", name="Passer au mode sombre").is_visible()
