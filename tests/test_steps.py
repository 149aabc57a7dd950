"""The six-step modules: step names match the course data, each step uses the guide's checklists,
and the facts the pages state still match the line of the source they were taken from."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import source_lines

from course.content.definition import load_course

COURSE = load_course()

# Each module page must render these checklists from the ILO guide (001).
REQUIRED_CHECKLISTS = {
    "foundations": {"foundations-principles"},                            # Box 1
    "step-1": {"step-1-parameters"},                                      # Box 3
    "step-2": {"step-2-finalize", "step-2-situational-analysis"},        # Table 2, Box 5
    "step-3": {"step-3-finalize"},                                        # Table 3
    "step-4": {"step-4-finalize", "step-4-rights", "step-4-fair-recruitment",      # Table 11, 5, 6
               "step-4-social-protection", "step-4-labour-market-needs",          # Tables 7, 8
               "step-4-cooperation-areas"},                                        # Table 10
    "step-5": {"step-5-finalize"},                                        # Table 12
    "step-6": {"step-6-finalize"},                                        # Table 13
}


# Facts the pages state, each with the source line it was checked against: (text, document, line, module).
FACTS = [
    ("169 million", "001", 229, "foundations"),
    ("10 December 2018", "001", 368, "foundations"),
    ("2005 ILO Tripartite Meeting of Experts", "001", 1773, "foundations"),
    ("to advance opportunities for all men and women to engage in migration for decent and productive "
     "employment in conditions of freedom, dignity, security and equity", "004", 596, "foundations"),
    ("first Asian country", "004", 594, "foundations"),
    ("20th International Conference of Labour Statisticians", "001", 534, "step-2"),
    ("17 tables", "001", 594, "step-2"),
    ("past 15 years", "001", 622, "step-2"),
    ("only around 30 countries", "002", 3215, "step-2"),
    ("To build an effective, responsive and dynamic labour migration governance system in Nigeria",
     "001", 738, "step-3"),
    ("five working groups", "001", 813, "step-3"),
    ("eight to ten members", "001", 821, "step-3"),
    ("25 million", "001", 962, "step-4"),
    ("42 per cent", "001", 962, "step-4"),
    ("adopted in 2018", "001", 1261, "step-4"),
    ("144 labour migration agreements", "001", 1393, "step-4"),
    ("December 2008", "004", 612, "step-4"),
    ("24 February 2009", "002", 4328, "step-5"),
    ("30 April 2009", "002", 4329, "step-5"),
    ("30 April 2009", "004", 1258, "step-5"),
    ("National Labour Migration Strategy 2016–2018", "001", 1521, "step-6"),
    ("December 2014", "001", 1596, "step-6"),
    ("tripartite-plus organizations", "001", 1596, "step-6"),
    ("well meaning policies can languish", "004", 702, "step-6"),
    ("November 2006", "004", 72, "step-6"),
]


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def page_soup(site, module_id: str) -> BeautifulSoup:
    page = COURSE.activity(module_id).page
    assert page, f"{module_id}: no page in course.yml"
    return BeautifulSoup((site / page.replace(".md", ".html")).read_text(encoding="utf-8"), "html.parser")


def article_text(soup) -> str:
    return normalize(soup.select_one("article").get_text(" "))


@pytest.mark.parametrize("step", COURSE.steps, ids=[f"step-{s.number}" for s in COURSE.steps])
def test_step_page_names_the_step_as_the_guide_does(site, step):
    soup = page_soup(site, step.module)
    h1 = soup.select_one("article h1").get_text(strip=True).rstrip("¶").strip()
    assert h1 == COURSE.activity(step.module).title
    assert h1.startswith(f"Step {step.number}: ")
    assert normalize(step.name) in article_text(soup), f"{step.module}: the guide's step name is not on the page"


@pytest.mark.parametrize("module_id", sorted(REQUIRED_CHECKLISTS))
def test_module_uses_its_checklists_from_the_guide(site, module_id):
    soup = page_soup(site, module_id)
    used = {f["data-checklist"] for f in soup.select("fieldset.course-checklist")}
    missing = REQUIRED_CHECKLISTS[module_id] - used
    assert not missing, f"{module_id}: checklists not rendered: {sorted(missing)}"


def test_there_are_enough_spot_checked_facts():
    assert len(FACTS) >= 12
    assert {module for *_, module in FACTS} >= {"foundations", "step-2", "step-3", "step-4", "step-5", "step-6"}


@pytest.mark.parametrize("fact, document, line, module_id", FACTS,
                         ids=[f"{m}:{d}:L{n}:{f[:30]}" for f, d, n, m in FACTS])
def test_fact_matches_its_source_line_and_the_page(site, fact, document, line, module_id):
    lines = source_lines(document)
    assert normalize(fact) in normalize(lines[line - 1]), f"{document} line {line} no longer says {fact!r}"
    assert normalize(fact) in article_text(page_soup(site, module_id)), f"{module_id}: page no longer says {fact!r}"
