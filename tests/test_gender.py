"""The gender module: in week 4 after Step 6, linked from the essay's gender criterion, a section for each
of the six steps, and its facts still matching the source lines they came from."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import source_lines
from course.content.definition import load_course

MODULE = "gender"
PAGE = "modules/gender.html"

# (what the page says, document, line it was checked against)
FACTS = [
    ("slightly less than half", "001", 1074),
    ("multiple and intersecting forms of discrimination", "001", 1074),
    ("does not mean that women and men have to become the same", "001", 1757),
    ("may differ significantly", "001", 1759),
    ("violate numerous international legal standards", "001", 455),
    ("incorporating gender-experts in policy development teams", "001", 1100),
    ("can be low", "001", 1111),
    ("such as women's groups", "001", 760),
    ("increased participation and voice of women as active agents", "001", 1125),
    ("safe and regular migration opportunities for men and women", "001", 867),
    ("Is the draft policy gender-responsive, and does it pay due regard to the specific realities and needs of women?",
     "001", 1440),
    ("individual/gender-specific level", "001", 1541),
    ("gender-disaggregated", "001", 1573),
    ("take into account gender", "001", 1273),
    ("for all men and women", "004", 596),
    ("to reduce women's migration into low-skilled and unregulated employment", "001", 1086),
    ("Mainstreaming gender in the governance of labour migration", "003", 86),
]


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().casefold()


def soup_of(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def article(site) -> str:
    return normalize(soup_of(site, PAGE).select_one("article").get_text(" "))


@pytest.mark.parametrize("fact, document, line", FACTS, ids=[f"{d}:L{n}:{f[:30]}" for f, d, n in FACTS])
def test_fact_matches_its_source_line_and_the_page(article, fact, document, line):
    assert normalize(fact) in normalize(source_lines(document)[line - 1]), f"{document} line {line} no longer says {fact!r}"
    assert normalize(fact) in article, f"{PAGE} no longer says {fact!r}"


def test_module_sits_in_week_4_after_step_6_and_before_the_group_work():
    course = load_course()
    week = course.week_of(MODULE)
    ids = [a.id for a in week.activities]
    assert week.number == 4
    assert ids.index("step-6") < ids.index(MODULE) < ids.index("group-work-1")


def test_every_step_has_its_gender_section(site):
    soup = soup_of(site, PAGE)
    headings = [" ".join(h.get_text(" ").split()) for h in soup.select("article h3")]
    for step in load_course().steps:
        assert any(h.startswith(f"Step {step.number}:") for h in headings), f"no gender section for Step {step.number}"
    assert soup.select_one('fieldset.course-checklist[data-checklist="gender-six-steps"]')


def test_the_essay_gender_criterion_links_to_the_module(site):
    soup = soup_of(site, "final-assignment.html")
    links = [a for a in soup.select("article a") if a.get("href", "").startswith("modules/gender.html")]
    assert links, "the final assignment does not link to the gender module"
    module = soup_of(site, PAGE)
    criterion = load_course().assessment.essay_criteria[3]
    assert criterion.id == "gender"
    section = module.find(id="your-essay-the-gender-criterion")
    assert section is not None and criterion.title in section.find_next("p").get_text(" ")
