"""Weeks 5-6, policy coherence (source 000): phases, principles, tools rendered from YAML, and facts
spot-checked against the source text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_site, copy_project, source_lines

from course.content.checklists import load_checklists
from course.content.definition import load_course
from course.content.tools import load_focus_groups, load_outline, load_principles, load_questionnaires

COURSE = load_course()


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page.replace(".md", ".html")).read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    return re.sub(r"\s+", " ", soup.select_one("article").get_text(" ", strip=True))


def checklists_on(soup: BeautifulSoup) -> set[str]:
    return {f["data-checklist"] for f in soup.select("fieldset.course-checklist")}


@pytest.mark.parametrize("phase", COURSE.assessment_phases, ids=[p.id for p in COURSE.assessment_phases])
def test_each_assessment_phase_has_its_module_page_and_checklist(site, phase):
    page = COURSE.activity(phase.module).page
    assert page, f"phase {phase.id}: module {phase.module} has no page in course.yml"
    checklist_id = f"assessment-{phase.id}"
    assert checklist_id in load_checklists(), f"no course/content/checklists/{checklist_id}.yml"
    assert checklist_id in checklists_on(soup_of(site, page)), f"{page} does not render {checklist_id}"


def test_the_assessment_phases_are_listed_in_order_with_links(site):
    soup = soup_of(site, "coherence/policy-coherence.md")
    names = [p.name for p in COURSE.assessment_phases]
    links = [a.get_text(strip=True) for a in soup.select("article ol li a") if a.get_text(strip=True) in names]
    assert links == names


def test_there_are_eight_principles_each_with_a_checklist_item():
    principles = load_principles()
    assert [p.number for p in principles] == list(range(1, 9))
    items = load_checklists()["coherence-principles"].items
    assert [i.id for i in items] == [f"principle-{p.number}" for p in principles]
    for item, p in zip(items, principles):
        assert item.text.startswith(f"Principle {p.number}:")
    assert all(p.challenges for p in principles), "every principle has at least one Table 6 row"


@pytest.mark.parametrize("page", ["coherence/preparatory-phase.md", "coherence/analysis-validation.md",
                                  "tools/swot-grid.md"])
def test_every_principle_appears_by_name(site, page):
    text = text_of(soup_of(site, page))
    for p in load_principles():
        assert f"Principle {p.number}: {p.name}" in text, f"{page}: principle {p.number} ({p.name}) missing"


def test_the_principles_are_shown_with_their_checklist(site):
    soup = soup_of(site, "coherence/preparatory-phase.md")
    assert "coherence-principles" in checklists_on(soup)
    text = text_of(soup)
    for p in load_principles():
        assert p.text in text, f"Box 1 wording of principle {p.number} not on the page"


def test_table_6_renders_every_challenge(site):
    soup = soup_of(site, "coherence/analysis-validation.md")
    rows = [tr.get_text(" ", strip=True) for tr in soup.select("article tbody tr")]
    for p in load_principles():
        for c in p.challenges:
            assert any(r.startswith(c.challenge) for r in rows), f"principle {p.number}: {c.challenge!r} missing"


@pytest.mark.parametrize("qid", list(load_questionnaires()))
def test_questionnaire_page_renders_every_question_from_yaml(site, qid):
    q = load_questionnaires()[qid]
    block = soup_of(site, "tools/questionnaires.md").select_one(f'div.course-tool[data-tool="{qid}"]')
    assert block is not None, f"questionnaire {qid} not on the page"
    rows = block.select("tbody tr")
    assert len(rows) == len(q.questions)
    for row, question in zip(rows, q.questions):
        assert question.text in row.get_text(" ", strip=True)


def test_focus_group_scripts_render_from_yaml(site):
    scripts = load_focus_groups()
    soup = soup_of(site, "tools/focus-groups.md")
    for group in scripts.groups:
        block = soup.select_one(f'div.course-tool[data-tool="{group.id}"]')
        assert block is not None, f"focus group {group.id} not on the page"
        assert block.select_one("h2").get_text(strip=True).startswith(group.title)
        asked = [li.get_text(" ", strip=True) for li in block.select("ol > li")]
        assert asked == [q for s in scripts.sessions for q in group.questions.get(s.id, ())]
    total = sum(s.minutes for s in scripts.sessions)
    for page in ("tools/focus-groups.md", "coherence/collecting-information.md"):
        assert f"add up to {total} minutes" in text_of(soup_of(site, page)), page


@pytest.mark.parametrize("name", ["terms-of-reference", "report-outline"])
def test_outlines_render_from_yaml(site, name):
    outline = load_outline(name)
    block = soup_of(site, f"tools/{name}.md").select_one(f'div.course-tool[data-tool="{name}"]')
    headings = [h.get_text(strip=True).rstrip("¶") for h in block.select("h2")]   # h2 after the page's h1
    assert headings == [s.heading for s in outline.sections]
    assert len(block.select("li")) == sum(len(s.items) for s in outline.sections)


def test_swot_grid_has_one_grid_per_principle(site):
    block = soup_of(site, "tools/swot-grid.md").select_one('div.course-tool[data-tool="swot-grid"]')
    assert len(block.select("h2")) == len(load_principles())
    quadrants = [s.heading for s in load_outline("swot-grid").sections]
    headers = [th.get_text(strip=True) for th in block.select("thead th")]
    assert headers.count(quadrants[0]) == len(load_principles())


def test_a_question_added_in_yaml_appears_on_the_page(tmp_path):
    """Change one place: the YAML. The page follows, with no edit to any page."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    path = project / "course" / "content" / "tools" / "questionnaires.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questionnaires"][0]["questions"].append({"text": "A question added for the test?", "ask": ["Ministry of Labour"]})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build_site(tmp_path / "site", project, QUIZ_MODE="practice")
    block = soup_of(site, "tools/questionnaires.md").select_one('div.course-tool[data-tool="institutions"]')
    rows = block.select("tbody tr")
    assert len(rows) == len(load_questionnaires()["institutions"].questions) + 1
    assert "A question added for the test?" in rows[-1].get_text()


# Facts used on the pages, each checked against the line of the source text it comes from.
FACTS = [
    ("000", 114, "over 55 countries", "coherence/policy-coherence.md"),
    ("000", 127, "35 countries", "coherence/policy-coherence.md"),
    ("001", 1143, "Guideline 4.2", "coherence/policy-coherence.md"),
    ("000", 2040, "two-day training", "coherence/preparatory-phase.md"),
    ("000", 2023, "secret ballot", "coherence/preparatory-phase.md"),
    ("000", 1104, "six to eight", "coherence/collecting-information.md"),
    ("000", 1111, "maximum of 90 minutes", "coherence/collecting-information.md"),
    ("000", 1856, "104 rural communities", "coherence/collecting-information.md"),
    ("000", 2293, "last 3 years", "tools/focus-groups.md"),
    ("000", 1233, "eight principles", "coherence/analysis-validation.md"),
    ("000", 1632, "13 May 2015", "coherence/way-forward.md"),
    ("000", 1640, "Five sectoral groups", "coherence/way-forward.md"),
    ("000", 1673, "January 2018", "coherence/way-forward.md"),
    ("000", 1835, "2 May 2012", "coherence/way-forward.md"),
    ("000", 1841, "Governing Board of 12 members", "coherence/way-forward.md"),
    ("000", 1842, "25 members", "coherence/way-forward.md"),
    ("000", 1906, "relevance, effectiveness, efficiency", "coherence/way-forward.md"),
    ("000", 1913, "Ten years later", "coherence/way-forward.md"),
    ("000", 1924, "30–31 January 2015", "coherence/way-forward.md"),
]


@pytest.mark.parametrize("document,line,fact,page", FACTS, ids=[f"{d}:{n}" for d, n, _, _ in FACTS])
def test_fact_is_in_the_source_line_and_on_the_page(site, document, line, fact, page):
    source_line = source_lines(document)[line - 1]
    assert fact.lower() in source_line.lower(), f"{document}:{line} reads {source_line!r}"
    assert fact.lower() in text_of(soup_of(site, page)).lower(), f"{page} does not say {fact!r}"
