"""axe-core on every page of the built site, in both colour schemes: no serious or critical violation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(axe, page) -> list[str]:
    results = axe.run(page).response
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in results["violations"] if v.get("impact") in BLOCKING]


def test_every_page_passes_axe(site, pages, offline, axe):
    failures = {}
    for path in pages:
        offline.page.goto(path.as_uri())
        found = violations(axe, offline.page)
        if found:
            failures[str(path.relative_to(site))] = found
    assert failures == {}
    assert offline.blocked == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_and_a_checklist_page_pass_in_both_colour_schemes(site, browser, axe, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        for name in ("index.html", "study-offline.html"):
            page.goto((site / name).as_uri())
            assert violations(axe, page) == [], name
    finally:
        context.close()


FRENCH_SAMPLE = ("index.html", "modules/step-1.html", "quizzes/week-1.html", "glossary.html", "workbook.html",
                 "case-studies/nigeria.html", "tutors.html", "tools/questionnaires.html")


def test_french_pages_pass_axe_and_say_they_are_french(site_fr, offline, axe):
    failures = {}
    for name in FRENCH_SAMPLE:
        offline.page.goto((site_fr / name).as_uri())
        assert offline.page.locator("html").get_attribute("lang") == "fr", name
        found = violations(axe, offline.page)
        if found:
            failures[name] = found
    assert failures == {}
    assert offline.blocked == []
