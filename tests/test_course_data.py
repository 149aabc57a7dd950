"""The loaders of course data: the real data loads; a malformed file names the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from course.content.checklists import load_checklist, load_checklists
from course.content.definition import load_course
from course.content.glossary import load_glossary
from course.errors import CourseDataError

DATA = Path(__file__).resolve().parent.parent / "course" / "content"


def test_real_course_definition_loads():
    course = load_course()
    assert course.hours == 60 and len(course.weeks) == 6
    assert sum(w.hours for w in course.weeks) == course.hours     # weeks differ: tests/test_study_time.py
    a = course.assessment
    assert (a.quiz_count, a.quiz_questions, a.points_per_correct, a.quizzes_max) == (6, 10, 0.5, 30)
    assert (a.group_work_max, a.essay_max, a.bonus_max, a.item_count, a.base_max) == (30, 40, 10, 8, 100)
    r = course.certificates
    assert (r.achievement_min_points, r.participation_min_points, r.participation_min_items) == (60, 30, 5)
    assert [course.engagement_band(n).id for n in range(9)] == (
        ["never_engaged"] + ["some"] * 3 + ["at_least_half"] + ["fully_engaged"] * 4)
    assert [s.number for s in course.steps] == [1, 2, 3, 4, 5, 6]


def test_real_checklists_and_glossary_load():
    assert "step-1-parameters" in load_checklists()
    assert len(load_checklists()["step-1-parameters"].items) == 7      # Box 3's seven questions
    assert all(t.source for t in load_glossary())


def broken_course(tmp_path, edit) -> Path:
    data = yaml.safe_load((DATA / "course.yml").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "course.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(loader, path) -> list[str]:
    with pytest.raises(CourseDataError) as exc:
        loader(path)
    return exc.value.problems


@pytest.mark.parametrize("edit, expected", [
    (lambda d: d.pop("hours"), "course.yml: hours: is missing"),
    (lambda d: d.update(hours="sixty"), "course.yml: hours: must be a number, not 'sixty'"),
    (lambda d: d["weeks"][2]["activities"][0].update(hours=d["weeks"][2]["activities"][0]["hours"] + 1),
     "course.yml: weeks: activity hours add up to 61"),
    (lambda d: d["weeks"][0]["activities"][1]["reading"][0].update(document="009"),
     "course.yml: weeks[0].activities[1].reading[0].document: unknown source document '009'"),
    (lambda d: d["weeks"][0]["activities"][0]["tasks"][0].update(minute=5),
     "course.yml: weeks[0].activities[0].tasks[0].minute: unknown field"),
    (lambda d: d["weeks"][0]["activities"][1].update(kind="lecture"), "course.yml: weeks[0].activities[1].kind: unknown kind 'lecture'"),
    (lambda d: d["weeks"][1]["activities"][0].update(hour=3), "course.yml: weeks[1].activities[0].hour: unknown field"),
    (lambda d: d["certificates"]["achievement"].update(min_points=120), "course.yml: certificates: need 0 < participation.min_points"),
    (lambda d: d["engagement_bands"][1].update(min_items=2), "course.yml: engagement_bands: 2 completed items must fall in exactly one band"),
    (lambda d: d["assessment"]["quizzes"].update(count=5), "course.yml: assessment.quizzes.count: is 5 but the weeks schedule 6 quizzes"),
    (lambda d: d["steps"][0].update(module="step-9"), "course.yml: steps[0].module: 'step-9' is not a module"),
    (lambda d: d["edition"].update(start="soon"), "course.yml: edition.start: must be a date"),
])
def test_malformed_course_definition_names_file_and_field(tmp_path, edit, expected):
    problems = problems_of(load_course, broken_course(tmp_path, edit))
    assert any(expected in p for p in problems), problems


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "course.yml"
    path.write_text("title: ok\nweeks: [\n  - nope\n", encoding="utf-8")
    problems = problems_of(load_course, path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:") and "YAML syntax error" in problems[0]


def write_checklist(folder: Path, name: str, data) -> Path:
    path = folder / f"{name}.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


GOOD = {"title": "T", "source": {"document": "001", "where": "Box 3"}, "items": [{"id": "a", "text": "Q?"}]}


@pytest.mark.parametrize("name, change, expected", [
    ("no-source", lambda d: d.pop("source"), "no-source.yml: source: is missing"),
    ("bad-doc", lambda d: d["source"].update(document="009"), "bad-doc.yml: source.document: unknown source document '009'"),
    ("dup", lambda d: d["items"].append({"id": "a", "text": "again"}), "dup.yml: items[1].id: duplicate item id 'a'"),
    ("no-text", lambda d: d["items"][0].pop("text"), "no-text.yml: items[0].text: is missing"),
    ("Bad_Name", lambda d: None, "Bad_Name.yml: (file name): must be lower-case"),
    ("typo", lambda d: d.update(itmes=[]), "typo.yml: itmes: unknown field"),
])
def test_malformed_checklist_names_file_and_field(tmp_path, name, change, expected):
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    change(data)
    path = write_checklist(tmp_path, name, data)
    with pytest.raises(CourseDataError) as exc:
        load_checklist(path)
    assert any(expected in p for p in exc.value.problems), exc.value.problems


def test_every_bad_checklist_in_a_folder_is_reported_at_once(tmp_path):
    shutil.copy(DATA / "checklists" / "step-1-parameters.yml", tmp_path)
    write_checklist(tmp_path, "one", {"title": "T", "items": []})
    write_checklist(tmp_path, "two", {"source": GOOD["source"], "items": GOOD["items"]})
    with pytest.raises(CourseDataError) as exc:
        load_checklists(tmp_path)
    text = "\n".join(exc.value.problems)
    assert "one.yml: source: is missing" in text and "two.yml: title: is missing" in text


def test_malformed_glossary_names_file_and_field(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump({"terms": [{"term": "X", "definition": "d"},
                                              {"term": "x", "definition": "d", "source": GOOD["source"]}]}))
    problems = problems_of(load_glossary, path)
    assert any("terms[0].source: is missing" in p for p in problems)
    assert any("terms[1].term: duplicate term 'x'" in p for p in problems)
