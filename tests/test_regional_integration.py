"""The regional integration module (SHARED-SPECS item 4): in week 3 after Step 4, in the navigation and the
syllabus with its hours, its checklist rendered, and its facts still matching the source lines they came from."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import source_lines
from course.content.definition import load_course

MODULE = "regional-integration"
PAGE = "modules/regional-integration.html"

# (what the page says, document, line it was checked against)
FACTS = [
    ("38 out of 42", "003", 108),
    ("11 policy areas", "001", 1180),
    ("towards a minimum floor of rights", "001", 1183),
    ("SADC 2014", "001", 1186),
    ("established in 1992", "002", 8416),
    ("Swaziland", "002", 8420),
    ("increased dramatically", "002", 8343),
    ("Harmonized Regional Labour", "002", 8495),
    ("17 May 2013 in Maputo", "002", 8552),
    ("through harmonised labour and social security legislation", "002", 8605),
    ("a continuing major influence", "002", 8673),
    ("a crucial prerequisite", "002", 8709),
    ("No detailed information available", "002", 8757),
    ("cooperate with ECOWAS towards full implementation of relevant protocols", "001", 1349),
    ("Support to Free Movement of Persons", "000", 18),
    ("continental qualifications framework", "000", 1723),
    ("144 labour migration agreements", "001", 1393),
    ("94 per cent", "001", 1401),
    ("a useful governance tool", "001", 1355),
    ("can provide guidance or even be a lever", "001", 1345),
    ("Technical Unit for the Selection of Migrant Workers", "001", 1387),
    ("recruitment costs can equal a year's salary", "001", 1009),
    ("a fair recruitment corridor", "001", 1011),
    ("brain waste", "001", 1253),
    ("Reintegration of Return Migrants (including deportees)", "001", 819),
    ("aggregation of insurance periods", "002", 8638),
    ("design, negotiate, implement, monitor and evaluate", "001", 1371),
    ("Standing Committee on Diaspora Matters", "000", 1641),
    ("access and portability regimes", "000", 1957),
]


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().casefold()


@pytest.fixture(scope="module")
def article(site) -> str:
    soup = BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "html.parser")
    return normalize(soup.select_one("article").get_text(" "))


@pytest.mark.parametrize("fact, document, line", FACTS, ids=[f"{d}:L{n}:{f[:30]}" for f, d, n in FACTS])
def test_fact_matches_its_source_line_and_the_page(article, fact, document, line):
    assert normalize(fact) in normalize(source_lines(document)[line - 1]), f"{document} line {line} no longer says {fact!r}"
    assert normalize(fact) in article, f"{PAGE} no longer says {fact!r}"


def test_module_sits_in_week_3_after_step_4_and_before_quiz_3():
    course = load_course()
    week = course.week_of(MODULE)
    ids = [a.id for a in week.activities]
    assert week.number == 3
    assert ids.index("step-4") < ids.index(MODULE) < ids.index("quiz-3")
    assert course.activity(MODULE).title == "Regional integration and labour migration: SADC, ECOWAS and others"


def test_page_title_navigation_and_syllabus(site):
    course = load_course()
    activity = course.activity(MODULE)
    soup = BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article h1").get_text(strip=True).rstrip("¶").strip() == activity.title
    intro = " ".join(soup.select_one(".course-module-intro").get_text(" ").split())
    assert "Week 3" in intro and f"about {activity.hours:g} hours" in intro
    nav = [a.get("href", "") for a in soup.select("nav a")]
    assert any(h.endswith("regional-integration.html") for h in nav), "the module is not in the navigation"
    syllabus = BeautifulSoup((site / "syllabus.html").read_text(encoding="utf-8"), "html.parser")
    row = next(tr for tr in syllabus.select("table tr") if "regional-integration.html" in str(tr))
    assert f"{activity.hours:g} h" in row.get_text(" ")


def test_page_renders_its_checklist_and_exercises(site):
    soup = BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('fieldset.course-checklist[data-checklist="regional-integration-national-policy"]')
    text = normalize(soup.select_one("article").get_text(" "))
    for heading in ("bilateral labour agreements", "fair recruitment across borders", "social security portability",
                    "skills recognition", "return and reintegration", "where the sources stop"):
        assert heading in text, heading
