"""Case studies, the Ramsania group work and the final assignment: data validated, pages generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuildError, build_site, copy_project, source_lines

from course.content import load
from course.content.case_studies import load_case_studies, load_case_study
from course.content.definition import load_course
from course.content.rubrics import load_rubrics
from course.errors import CourseDataError

COURSE = load_course()
CONTENT = load()

VALID = """---
country: Testland
policy: Test policy
years: [2010]
lead_institution: Ministry of Tests
steps:
  - {number: 1, how: "Decided"}
assessment_phases: [preparatory]
sources:
  - {document: "001", where: "Step 1"}
---

# Testland
"""


def write(tmp_path: Path, text: str, name: str = "testland.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


# --- front matter -------------------------------------------------------------------------------

def test_the_three_case_studies_load_with_their_steps():
    studies = {s.name: s for s in CONTENT.case_studies}
    assert set(studies) == {"sri-lanka", "nigeria", "seychelles"}
    assert studies["sri-lanka"].years == (2008, 2009)
    assert studies["seychelles"].years == (2018,)
    assert [s.number for s in studies["sri-lanka"].steps] == [1, 3, 4, 5, 6]
    assert studies["nigeria"].assessment_phases == ("way-forward",)
    for study in studies.values():
        assert study.sources and study.lead_institution and study.policy


def test_a_valid_fixture_loads(tmp_path):
    study = load_case_study(write(tmp_path, VALID))
    assert study.country == "Testland" and study.steps[0].number == 1


@pytest.mark.parametrize("broken, field", [
    (VALID.replace("years: [2010]\n", ""), "years"),
    (VALID.replace("years: [2010]", "years: [soon]"), "years"),
    (VALID.replace("{number: 1,", "{number: 7,"), "steps[0].number"),
    (VALID.replace("[preparatory]", "[inventory]"), "assessment_phases[0]"),
    (VALID.replace('document: "001"', 'document: "009"'), "sources[0].document"),
    (VALID.replace("country: Testland\n", ""), "country"),
    (VALID.replace("country: Testland", "country: Testland\ncapital: Testville"), "capital"),
], ids=["missing-year", "bad-year", "unknown-step", "unknown-phase", "unknown-document", "missing-country",
        "unknown-field"])
def test_invalid_front_matter_names_file_and_field(tmp_path, broken, field):
    path = write(tmp_path, broken)
    with pytest.raises(CourseDataError) as info:
        load_case_study(path)
    assert any(str(path) in p and f": {field}:" in p for p in info.value.problems), info.value.problems


def test_a_page_without_front_matter_is_an_error(tmp_path):
    path = write(tmp_path, "# No front matter\n")
    with pytest.raises(CourseDataError, match="front matter"):
        load_case_study(path)


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    write(tmp_path, VALID.replace("years: [2010]\n", ""), "a.md")
    write(tmp_path, VALID.replace("{number: 1,", "{number: 9,"), "b.md")
    with pytest.raises(CourseDataError) as info:
        load_case_studies(tmp_path, COURSE)
    text = "\n".join(info.value.problems)
    assert "a.md: years:" in text and "b.md: steps[0].number:" in text


def test_a_strict_build_fails_on_invalid_front_matter(tmp_path):
    project = copy_project(tmp_path)
    page = project / "case_studies" / "nigeria.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{number: 4,", "{number: 8,"), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build_site(tmp_path / "built", project)
    assert "nigeria.md" in str(info.value) and "steps[2].number" in str(info.value)


# --- the comparison table -----------------------------------------------------------------------

def comparison_rows(site: Path) -> dict[str, list[str]]:
    table = html(site, "case-studies/index.html").select_one("article table")
    rows = {}
    for tr in table.select("tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in tr.select("th, td")]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_comparison_table_shows_every_step_by_name(site):
    rows = comparison_rows(site)
    assert rows["Country"] == [s.country for s in CONTENT.case_studies]
    for step in COURSE.steps:
        assert f"Step {step.number} : {step.name}" in rows or f"Step {step.number}: {step.name}" in rows


def test_the_comparison_table_is_generated_from_the_front_matter(tmp_path):
    project = copy_project(tmp_path)
    page = project / "case_studies" / "seychelles.md"
    text = page.read_text(encoding="utf-8")
    edits = [("number: 5", "number: 2"), ("Adopted by the Government in 2018 (the process is not described)",
                                          "Edited cell for the test"), ("years: [2018]", "years: [2017]")]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    page.write_text(text, encoding="utf-8")
    rows = comparison_rows(build_site(tmp_path / "built", project))
    column = [s.name for s in CONTENT.case_studies].index("seychelles")
    step2 = next(v for k, v in rows.items() if k.startswith("Step 2"))
    step5 = next(v for k, v in rows.items() if k.startswith("Step 5"))
    assert step2[column] == "Edited cell for the test"
    assert step5[column] == "—"
    assert rows["Year(s)"][column] == "2017"


def test_case_study_pages_have_every_part(site):
    for study in CONTENT.case_studies:
        soup = html(site, study.page.replace(".md", ".html"))
        h2 = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.select("article h2")]
        for part in ("Timeline", "What other countries can learn", "Discussion questions"):
            assert part in h2, f"{study.page}: no '{part}' section"
        assert h2[-1] == "Sources", f"{study.page}: must end with Sources"
        assert soup.select("article .admonition.info table"), f"{study.page}: no facts box"


# --- rubrics ------------------------------------------------------------------------------------

def test_the_essay_rubric_on_the_page_is_course_yml(site):
    soup = html(site, "final-assignment.html")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.select("article h3")]
    expected = [f"{c.title} (0 to {c.max_points:g} points)" for c in COURSE.assessment.essay_criteria]
    assert [h for h in headings if h in expected] == expected
    summary = soup.select("article table")[1]      # the first table is the suggested outline
    rows = [[" ".join(td.get_text(" ").split()) for td in tr.select("td")] for tr in summary.select("tbody tr")]
    assert rows[:-1] == [[c.title, f"0 to {c.max_points:g}"] for c in COURSE.assessment.essay_criteria]
    assert rows[-1] == ["Total", f"0 to {COURSE.assessment.essay_max:g}"]
    low, high = COURSE.assessment.essay_words
    assert f"{low:,} to {high:,} words" in text_of(soup)


def test_every_essay_criterion_has_a_descriptor_for_every_band():
    rubrics = CONTENT.rubrics
    assert [c.id for c in rubrics.essay] == [c.id for c in COURSE.assessment.essay_criteria]
    for c in rubrics.essay:
        assert [b.label for b in c.bands] == ["0–2", "3–4", "5–6", "7–8", "9–10"]
        assert all(b.descriptor for b in c.bands)


@pytest.mark.parametrize("edit, message", [
    (lambda s: s.replace("    gender:\n", "    gender_lens:\n"), "essay.criteria.gender_lens: no essay criterion"),
    (lambda s: s.replace("    gender:\n", "    gender_lens:\n"), "essay.criteria.gender: is missing"),
    (lambda s: s.replace("[[0, 2], [3, 4],", "[[0, 2], [4, 4],"), "without gap or overlap"),
    (lambda s: s.replace("[[0, 1], [2, 2], [3, 3], [4, 4], [5, 5]]", "[[0, 1], [2, 2], [3, 3], [4, 4], [5, 6]]"),
     "add up to 36 points"),
], ids=["unknown-id", "missing-id", "band-gap", "group-total"])
def test_rubric_problems_are_reported(tmp_path, edit, message):
    path = tmp_path / "rubrics.yml"
    path.write_text(edit((ROOT / "course" / "content" / "rubrics.yml").read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CourseDataError) as info:
        load_rubrics(path, COURSE)
    assert any(message in p for p in info.value.problems), info.value.problems


def test_the_group_work_points_on_the_page_are_course_data(site):
    soup = html(site, "group-work.html")
    text = text_of(soup)
    top = COURSE.assessment.group_work_max
    assert f"up to {top:g} points" in text and f"out of {top:g} points" in text
    total = [" ".join(tr.get_text(" ").split()) for tr in soup.select("article tr")]
    assert f"Total 0 to {top:g}" in total
    assert sum(c.max_points for c in CONTENT.rubrics.group_work) == top


def test_every_ramsania_table_is_labelled_fictional(site):
    soup = html(site, "group-work.html")
    data_tables = [t for t in soup.select("article table")
                   if re.search(r"\d{2},\d{3}|\d %", t.get_text())]
    assert len(data_tables) >= 5
    for table in data_tables:
        caption = table.find_previous("p").get_text(" ")
        assert "fictional data for the exercise" in caption, caption


def test_the_activity_pages_are_wired_in_course_yml():
    pages = {a.id: a.page for a in COURSE.activities()}
    assert pages["case-studies"] == "case-studies/index.md"
    assert pages["group-work-1"] == "group-work.md"
    assert pages["group-work-2"] == "group-work-session-2.md"     # each activity has its own page
    assert pages["final-assignment"] == "final-assignment.md"


# --- facts against the sources ------------------------------------------------------------------

# (source file prefix, line, text): the text is on that line of the source and on the page.
FACTS = [
    ("sri-lanka", "004", 586, "250,000"),
    ("sri-lanka", "004", 588, "7.2 million"),
    ("sri-lanka", "004", 588, "316 billion"),
    ("sri-lanka", "004", 592, "October 2008"),
    ("sri-lanka", "004", 596, "to advance opportunities for all men and women to engage in migration for decent "
                              "and productive employment in conditions of freedom, dignity, security and equity"),
    ("sri-lanka", "004", 612, "December 2008"),
    ("sri-lanka", "004", 1258, "30 April 2009"),
    ("sri-lanka", "002", 4328, "24 February 2009"),
    ("sri-lanka", "002", 4313, "Ministry of Labour Relations and Foreign Employment"),
    ("sri-lanka", "004", 380, "Bahrain, Jordan and Kuwait"),
    ("sri-lanka", "001", 1086, "Arab States"),
    ("nigeria", "001", 738, "To build an effective, responsive and dynamic labour migration governance system in "
                            "Nigeria."),
    ("nigeria", "001", 1349, "cooperate with ECOWAS towards full implementation of relevant protocols"),
    ("nigeria", "004", 1234, "for a more orderly migration regime"),
    ("nigeria", "000", 1632, "13 May 2015"),
    ("nigeria", "000", 1641, "Standing Committee on Diaspora Matters"),
    ("seychelles", "001", 1259, "one-third of the workforce"),
    ("seychelles", "001", 1261, "adopted in 2018"),
    ("seychelles", "001", 1264, "trade unions and professional bodies"),
    ("group-work", "003", 157, "Republic of Ramsania"),
    ("group-work", "003", 155, "Ambassador"),
    ("final-assignment", "003", 166, "clarity of the subject and outline"),
]


def _page_for(name: str) -> str:
    return f"case-studies/{name}.html" if name in {s.name for s in CONTENT.case_studies} else f"{name}.html"


@pytest.mark.parametrize("page, document, line, fact", FACTS, ids=[f"{p}-{d}-L{n}" for p, d, n, _ in FACTS])
def test_fact_is_in_the_source_line_and_on_the_page(site, page, document, line, fact):
    source_line = source_lines(document)[line - 1]
    assert fact.lower() in " ".join(source_line.split()).lower(), f"{document} line {line}: {source_line!r}"
    assert fact.lower() in text_of(html(site, _page_for(page))).lower(), f"{page}: {fact!r} not on the page"


def test_case_studies_and_modules_link_both_ways(site):
    studies = CONTENT.case_studies
    module_pages = [a.page for a in COURSE.activities("module") if a.page]
    for study in studies:
        soup = html(site, f"case-studies/{study.name}.html")
        hrefs = {a["href"] for a in soup.select("article a[href]")}
        for step in study.steps:
            page = COURSE.activity(COURSE.step(step.number).module).page
            assert "../" + page.replace(".md", ".html") in hrefs, f"{study.name}: no link to {page}"
        linked_from = [p for p in module_pages
                       if f"../case-studies/{study.name}.html" in {a["href"] for a in html(site, p.replace(".md", ".html")).select("article a[href]")}]
        assert linked_from, f"no module page links to the {study.name} case study"
