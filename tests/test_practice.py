"""Exercises and the workbook: data validated with file and field, pages that agree with the data,
and a graded edition that holds no model answer anywhere."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, BuildError, build_site, copy_project

from course.content.definition import load_course
from course.content.exercises import answer_key, load_exercise_file, load_exercises, load_workbook
from course.errors import CourseDataError

COURSE = load_course()
EXERCISE_SETS = load_exercises()
WORKBOOK = load_workbook()
ALL_EXERCISES = [e for found in EXERCISE_SETS.values() for e in found]
MODULE_PAGES = {a.id: a.page for w in COURSE.weeks for a in w.activities if a.kind == "module"}


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page.replace(".md", ".html")).read_text(encoding="utf-8"), "html.parser")


def squash(text: str) -> str:
    """Letters and digits only, so a text is found whatever HTML or JSON escaping it went through."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"<[^>]+>", "", text).lower())


def rendered(markdown_text: str) -> str:
    """Markdown as the page shows it (list numbers and table rules gone), squashed."""
    return squash(html_lib.unescape(markdown.markdown(markdown_text, extensions=["tables"])))


# --- The data ---------------------------------------------------------------------------------------

def test_every_module_has_exercises_and_every_file_names_a_module():
    assert set(MODULE_PAGES) - set(EXERCISE_SETS) == set(), "modules with no course/exercises/<module>.yml"
    assert set(EXERCISE_SETS) <= set(MODULE_PAGES), set(EXERCISE_SETS) - set(MODULE_PAGES)


@pytest.mark.parametrize("module", sorted(EXERCISE_SETS))
def test_each_module_file_has_three_to_five_sourced_exercises(module):
    found = EXERCISE_SETS[module]
    assert 3 <= len(found) <= 5, f"{module}: {len(found)} exercises"
    for e in found:
        assert e.model_answer and e.good_answer_contains and e.task and e.scenario, e.id
        assert e.source is not None or e.course_own, e.id


def test_workbook_holds_every_modules_questions_in_course_order():
    assert list(WORKBOOK) == [m for m in MODULE_PAGES if m in WORKBOOK]
    assert set(WORKBOOK) == set(MODULE_PAGES)
    assert all(len(q) >= 3 for q in WORKBOOK.values())


def test_answer_names_say_what_they_hold():
    # storage.js adds the course's prefix and edition to every name
    assert answer_key("exercise", "step-6-smart-indicator") == "exercise:step-6-smart-indicator"


VALID = {"module": "step-6", "exercises": [{
    "id": "step-6-x", "title": "T", "kind": "draft", "scenario": "S", "task": "Do", "model_answer": "M",
    "good_answer_contains": ["a"], "source": {"document": "001", "where": "Step 6"}}]}


def broken(**change):
    data = yaml.safe_load(yaml.safe_dump(VALID))
    exercise = data["exercises"][0]
    for field, value in change.items():
        if value is None:
            exercise.pop(field)
        else:
            exercise[field] = value
    return data


@pytest.mark.parametrize("data, field, words", [
    (broken(kind="essay"), "exercises[0].kind", "'essay' is not a kind"),
    (broken(source=None), "exercises[0].source", "is missing"),
    (broken(source={"document": "009", "where": "x"}), "exercises[0].source.document", "unknown source document"),
    (broken(model_answer=None), "exercises[0].model_answer", "is missing"),
    (broken(good_answer_contains=[]), "exercises[0].good_answer_contains", "at least one point"),
    (broken(id="Step 6"), "exercises[0].id", "lower-case"),
    (broken(colour="red"), "exercises[0].colour", "unknown field"),
    ({**VALID, "module": "step-5"}, "module", "name the file after the module"),
], ids=["kind", "no-source", "bad-document", "no-model", "no-points", "bad-id", "stray-field", "module"])
def test_bad_exercise_file_is_rejected_naming_file_and_field(tmp_path, data, field, words):
    path = tmp_path / "step-6.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(CourseDataError) as caught:
        load_exercise_file(path)
    assert any(p.startswith(f"{path}: {field}: ") and words in p for p in caught.value.problems), caught.value.problems


def test_course_own_model_answer_needs_no_citation(tmp_path):
    path = tmp_path / "step-6.yml"
    path.write_text(yaml.safe_dump(broken(source=None, course_own=True)), encoding="utf-8")
    (exercise,) = load_exercise_file(path)
    assert exercise.course_own and exercise.source is None


def test_an_exercise_id_is_used_once_across_the_course(tmp_path):
    for module in ("step-5", "step-6"):
        (tmp_path / f"{module}.yml").write_text(yaml.safe_dump({**VALID, "module": module}), encoding="utf-8")
    with pytest.raises(CourseDataError) as caught:
        load_exercises(tmp_path)
    assert caught.value.problems == [f"{tmp_path / 'step-6.yml'}: exercise id 'step-6-x' is already used in step-5.yml"]


# --- The pages --------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", sorted(EXERCISE_SETS))
def test_page_shows_the_modules_exercises_in_order(site, module):
    soup = html(site, MODULE_PAGES[module])
    blocks = soup.select(".course-exercise")
    assert [b["data-exercise"] for b in blocks] == [e.id for e in EXERCISE_SETS[module]]
    for block, e in zip(blocks, EXERCISE_SETS[module]):
        assert block.h3.get_text().rstrip("¶").endswith(e.title)
        box = block.select_one("textarea")
        assert box["data-key"] == answer_key("exercise", e.id)
        assert block.select_one(f'label[for="{box["id"]}"]') is not None
        model = block.select_one("details.course-exercise__model")
        assert model.summary.get_text() == "Show the model answer"
        assert rendered(e.model_answer) in squash(html_lib.unescape(str(model)))
        assert [li.get_text(" ", strip=True) for li in model.find_all("ul")[-1].find_all("li")] == \
            list(e.good_answer_contains)
        origin = block.select_one("p.course-source").get_text(" ", strip=True)
        if e.course_own:
            assert origin.startswith("This model answer is the course's own example")
        else:
            assert origin == f"Source: {e.source}."


@pytest.mark.parametrize("module", sorted(WORKBOOK))
def test_module_page_holds_its_workbook_questions(site, module):
    soup = html(site, MODULE_PAGES[module])
    entries = soup.select("ol.course-workbook > li")
    assert [li["data-workbook"] for li in entries] == [q.id for q in WORKBOOK[module]]
    for li, q in zip(entries, WORKBOOK[module]):
        assert li.label.get_text() == q.question
        assert li.textarea["data-key"] == answer_key("workbook", q.id)


def test_workbook_page_gathers_every_question_in_course_order(site):
    soup = html(site, "workbook.md")
    order = [q.id for m in MODULE_PAGES if m in WORKBOOK for q in WORKBOOK[m]]
    assert [li["data-workbook"] for li in soup.select("ol.course-workbook > li")] == order
    assert [h.get_text().rstrip("¶") for h in soup.select("h2.course-workbook__module")] == \
        [a.title for w in COURSE.weeks for a in w.activities if a.id in WORKBOOK]
    assert [b.get_text() for b in soup.select(".course-workbook__actions button")] == \
        ["Download my workbook", "Print my workbook"]


def test_one_more_exercise_in_the_data_gives_one_more_on_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "course" / "content" / "exercises" / "step-6.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    extra = dict(data["exercises"][0], id="step-6-one-more", title="One more exercise")
    data["exercises"].append(extra)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    site = build_site(tmp_path / "site", project)
    blocks = html(site, "modules/step-6.md").select(".course-exercise")
    assert [b["data-exercise"] for b in blocks] == [e.id for e in EXERCISE_SETS["step-6"]] + ["step-6-one-more"]


def test_bad_exercise_data_fails_the_build_naming_file_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "course" / "content" / "exercises" / "step-6.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: draft", "kind: essay", 1), encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "site", project)
    assert "step-6.yml: exercises[0].kind: 'essay' is not a kind of exercise" in str(caught.value)


# --- The graded edition: exercises stay, model answers go ---------------------------------------------

def model_answer_leaks(site: Path) -> dict[str, list[str]]:
    """Every file under site/ that holds a model answer or a long point of a good answer."""
    texts = {}
    for e in ALL_EXERCISES:
        model = rendered(e.model_answer)
        texts[f"model answer of {e.id}"] = (model[:100], model[-100:])
        texts.update({f"point of {e.id}: {p}": (squash(p),) for p in e.good_answer_contains if len(squash(p)) > 40})
    leaks: dict[str, list[str]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        try:
            text = squash(html_lib.unescape(path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue
        found = [name for name, parts in texts.items() if any(part in text for part in parts)]
        if found:
            leaks[str(path.relative_to(site))] = found
    return leaks


@pytest.fixture(scope="module")
def graded_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("graded") / "site", QUIZ_MODE="graded")


def test_the_leak_detector_sees_model_answers_in_the_practice_edition(site):
    leaks = model_answer_leaks(site)
    pages = {MODULE_PAGES[m].replace(".md", ".html") for m in EXERCISE_SETS}
    assert pages <= set(leaks)
    assert all(f"model answer of {e.id}" in leaks[MODULE_PAGES[e.module].replace(".md", ".html")]
               for e in ALL_EXERCISES)


def test_graded_edition_holds_no_model_answer_anywhere(graded_site):
    assert model_answer_leaks(graded_site) == {}


@pytest.mark.parametrize("module", sorted(EXERCISE_SETS))
def test_graded_edition_keeps_the_exercises(graded_site, module):
    blocks = html(graded_site, MODULE_PAGES[module]).select(".course-exercise")
    assert [b["data-exercise"] for b in blocks] == [e.id for e in EXERCISE_SETS[module]]
    assert all(b.textarea is not None and b.select_one("details") is None for b in blocks)
    assert "Show the model answer" not in "".join(b.get_text() for b in blocks)



# --- Planning templates: the course's own, from course/content/templates.yml ----------------------------------

from course.content.templates import load_templates  # noqa: E402

TEMPLATES = load_templates()


def test_the_three_templates_the_guide_describes_exist():
    assert set(TEMPLATES) == {"results-chain", "action-plan", "me-framework"}
    assert [c.name for c in TEMPLATES["action-plan"].columns] == [
        "Objective", "Activity", "Responsible", "Timeline", "Budget", "Indicator", "Baseline", "Target"]


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_template_page_shows_the_data_and_says_it_is_the_courses_own(site, template_id):
    t = TEMPLATES[template_id]
    soup = html(site, f"planning/{template_id}.md")
    note = soup.select_one(".admonition.note")
    assert note.select_one(".admonition-title").get_text() == "The course's own template"
    assert str(t.basis) in note.get_text(" ", strip=True)
    table = soup.select_one(f'.course-template[data-template="{template_id}"] table')
    assert [th.get_text() for th in table.select("thead th")] == [c.name for c in t.columns]
    rows = table.select("tbody tr")
    assert len(rows) == len(t.rows)
    for tr, row in zip(rows, t.rows):
        cells = [td.get_text().strip() for td in tr.select("td")]
        assert cells[:len(row)] == list(row) and all(c == "" for c in cells[len(row):])
    example = soup.select_one(".course-template-example table")
    assert [th.get_text() for th in example.select("thead th")] == list(t.example_columns)
    assert [[td.get_text() for td in tr.select("td")] for tr in example.select("tbody tr")] == \
        [list(r) for r in t.example]


def test_group_work_and_modules_send_trainees_to_the_templates(site):
    links = {a["href"] for page in ("group-work.md", "group-work-session-2.md")     # session 2 has its own page
             for a in html(site, page).select("a[href]")}
    assert {"planning/action-plan.html", "planning/results-chain.html", "planning/me-framework.html"} <= links
    step_4 = {a["href"] for a in html(site, "modules/step-4.md").select("a[href]")}
    assert "../planning/results-chain.html" in step_4


@pytest.mark.parametrize("change, field, words", [
    ({"blank_rows": "five"}, "action-plan.blank_rows", "must be a whole number"),
    ({"basis": None}, "action-plan.basis", "is missing"),
    ({"example": [["a"] * 9]}, "action-plan.example[0]", "has 9 cells but the template has 8 columns"),
    ({"example_columns": ["Level"]}, "action-plan.example_columns", "must name columns"),
], ids=["rows", "basis", "width", "example-columns"])
def test_bad_template_is_rejected_naming_file_and_field(tmp_path, change, field, words):
    data = yaml.safe_load((ROOT / "course" / "content" / "templates.yml").read_text(encoding="utf-8"))
    for key, value in change.items():
        if value is None:
            data["action-plan"].pop(key)
        else:
            data["action-plan"][key] = value
    path = tmp_path / "templates.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(CourseDataError) as caught:
        load_templates(path)
    assert any(p.startswith(f"{path}: {field}: ") and words in p for p in caught.value.problems), caught.value.problems


# --- Quotations in model answers are the sources' own words --------------------------------------------

from conftest import SOURCE_FILES, source_lines  # noqa: E402


def plain(text: str) -> str:
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return " ".join(text.split()).lower()


def quotations(text: str) -> list[str]:
    """Passages in double quotes of three words or more (shorter ones are terms, not quotations)."""
    return [q for q in re.findall(r'"([^"]+)"', text) if len(q.split()) >= 3]


def in_sources(quote: str, seeds: dict[str, str]) -> bool:
    """Is the quotation in a source? An edit in brackets ("focus[es]") may stand for a few letters."""
    parts = re.split(r"\[[^\]]*\]", plain(quote).rstrip("."))
    pattern = ".{0,6}".join(re.escape(part) for part in parts)
    return any(re.search(pattern, text) for text in seeds.values())


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    return {key: plain(" ".join(source_lines(key))) for key in SOURCE_FILES}


def test_every_quotation_in_a_model_answer_is_in_the_sources(seeds):
    missing = [f"{e.id}: {q}" for e in ALL_EXERCISES for q in quotations(e.model_answer) if not in_sources(q, seeds)]
    assert missing == []
    assert sum(len(quotations(e.model_answer)) for e in ALL_EXERCISES) >= 10     # the check has work to do


def test_the_quotation_check_catches_a_misquote(seeds):
    assert in_sources("should always occur", seeds)
    assert in_sources("generally focus[es] on outputs over outcomes", seeds)
    assert not in_sources("should sometimes occur", seeds)
    assert not in_sources("generally focus[es] on outcomes over outputs", seeds)
