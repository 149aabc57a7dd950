"""Every module page follows the course's arc, and every checklist is defined once and used."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from course.content.checklists import load_checklists
from course.content.definition import load_course

COURSE = load_course()
MODULES = [a for a in COURSE.activities("module") if a.page]

# The arc every module follows (STYLE.md, "The writing"), as h2 headings.
REQUIRED_H2 = ("What you will be able to do", "Why it matters", "For your country", "Sources")


def html_of(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page.replace(".md", ".html")).read_text(encoding="utf-8"), "html.parser")


def h2_texts(soup) -> list[str]:
    return [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.select("article h2")]


@pytest.mark.parametrize("module", MODULES, ids=[m.id for m in MODULES])
def test_module_page_has_every_part(site, module):
    soup = html_of(site, module.page)
    headings = h2_texts(soup)
    for required in REQUIRED_H2:
        assert any(h.startswith(required) for h in headings), f"{module.page}: no '{required}' section in {headings}"
    assert any(h.startswith("Worked example") for h in headings), f"{module.page}: no 'Worked example' section"
    assert soup.select(".course-module-intro"), f"{module.page}: no module_intro() (week and study time)"
    assert soup.select("fieldset.course-checklist"), f"{module.page}: no checklist"
    objectives = _section_after(soup, "What you will be able to do")
    assert len(objectives.select("li")) >= 3, f"{module.page}: fewer than 3 learning objectives"
    sources = _section_after(soup, "Sources")
    assert sources.select("li"), f"{module.page}: the Sources section lists nothing"


def _section_after(soup, heading: str) -> BeautifulSoup:
    """The elements between an h2 and the next h2, as one soup."""
    h2 = next(h for h in soup.select("article h2") if h.get_text(strip=True).startswith(heading))
    parts = []
    for sibling in h2.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


def test_every_checklist_is_used_and_every_used_checklist_exists(site, pages):
    used = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        used |= {f["data-checklist"] for f in soup.select("fieldset.course-checklist")}
    defined = set(load_checklists())
    assert used - defined == set()
    assert defined - used == set(), f"checklists defined but used on no page: {sorted(defined - used)}"


def test_module_hours_add_up_to_the_course():
    assert sum(w.hours for w in COURSE.weeks) == COURSE.hours == 60


def test_every_activity_in_the_syllabus_has_its_page(site):
    missing = [a.id for a in COURSE.activities() if not a.page]
    assert missing == [], f"activities without a page: {missing}"
    assert len(MODULES) == len(COURSE.activities("module")) == 12
    for activity in COURSE.activities():
        assert (site / activity.page.replace(".md", ".html")).is_file(), activity.page
