"""A Moodle gradebook export graded through moodle.yml: columns mapped, grades rescaled exactly, errors named."""

from __future__ import annotations

import csv
import io
import textwrap

import pytest
from sheets import COURSE

from course.errors import CourseError
from course.grading.moodle import load_mapping, score_sheet_text

# As Moodle's "Export to plain text file" writes it (UTF-8, comma separated, "-" where there is no grade).
MOODLE_HEADER = ["First name", "Surname", "ID number", "Institution", "Department", "Email address",
                 *(f"Quiz: Quiz {n} (Real)" for n in range(1, 7)), "Assignment: Ramsania group work (Real)",
                 "Assignment: Essay, clarity (Real)", "Assignment: Essay, alignment (Real)",
                 "Assignment: Essay, coherence (Real)", "Assignment: Essay, gender (Real)",
                 "Course total (Real)", "Last downloaded from this course"]

MAPPING = textwrap.dedent("""\
    trainee_id: ID number
    name: [First name, Surname]
    columns:
      quiz_1: {moodle: "Quiz: Quiz 1 (Real)", out_of: 10}
      quiz_2: {moodle: "Quiz: Quiz 2 (Real)", out_of: 10}
      quiz_3: {moodle: "Quiz: Quiz 3 (Real)", out_of: 10}
      quiz_4: {moodle: "Quiz: Quiz 4 (Real)", out_of: 10}
      quiz_5: {moodle: "Quiz: Quiz 5 (Real)", out_of: 100}
      quiz_6: {moodle: "Quiz: Quiz 6 (Real)", out_of: 100}
      group_work: {moodle: "Assignment: Ramsania group work (Real)", out_of: 100}
      essay_clarity: {moodle: "Assignment: Essay, clarity (Real)", out_of: 10}
      essay_alignment: {moodle: "Assignment: Essay, alignment (Real)", out_of: 10}
      essay_coherence: {moodle: "Assignment: Essay, coherence (Real)", out_of: 10}
      essay_gender: {moodle: "Assignment: Essay, gender (Real)", out_of: 10}
      participation_bonus: none
    """)


def moodle_row(first, surname, idnumber, quizzes, group, essay):
    return [first, surname, idnumber, "Ministry of Labour", "", f"{idnumber.lower()}@example.org",
            *quizzes, group, *essay, "", "1767225600"]


def write_export(tmp_path, rows, header=MOODLE_HEADER, name="grades.csv"):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def mapping(tmp_path):
    path = tmp_path / "moodle.yml"
    path.write_text(MAPPING, encoding="utf-8")
    return load_mapping(path, COURSE)


def sheet(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_grades_are_rescaled_to_the_score_sheet(tmp_path, mapping):
    export = write_export(tmp_path, [
        moodle_row("Ann", "Banda", "T1", ["10.00", "7.00", "8.00", "9.00", "70.00", "100.00"], "77.00",
                   ["9.00", "8.50", "7.00", "10.00"]),
        moodle_row("Kofi", "Mensah", "T2", ["6.00", "-", "-", "-", "-", "-"], "-", ["-", "-", "-", "-"]),
    ])
    ann, kofi = sheet(score_sheet_text(export, mapping, COURSE))
    assert ann["trainee_id"] == "T1" and ann["name"] == "Ann Banda"
    assert [ann[f"quiz_{n}"] for n in range(1, 7)] == ["10", "7", "8", "9", "7", "10"]
    assert ann["group_work"] == "23.1"                  # 77 % of 30
    assert (ann["essay_clarity"], ann["essay_alignment"]) == ("9", "8.5")
    assert ann["participation_bonus"] == ""
    assert kofi["quiz_1"] == "6" and kofi["quiz_2"] == "" and kofi["group_work"] == ""


@pytest.mark.parametrize("cell, message", [
    ("7.50", "7.50 out of 10 is 7.5 of 10 correct answers, not a whole number"),
    ("11", "11 is outside 0 to 10"),
    ("abc", "'abc' is not a grade"),
])
def test_a_bad_grade_is_named_by_file_row_and_moodle_column(tmp_path, mapping, cell, message):
    export = write_export(tmp_path, [
        moodle_row("Ann", "Banda", "T1", ["10"] * 6, "-", ["-"] * 4),
        moodle_row("Kofi", "Mensah", "T2", [cell, "-", "-", "-", "-", "-"], "-", ["-"] * 4),
    ])
    with pytest.raises(CourseError) as error:
        score_sheet_text(export, mapping, COURSE)
    [problem] = error.value.problems
    assert problem.startswith(f"{export}:3: Quiz: Quiz 1 (Real): {message}")


def test_missing_and_repeated_id_numbers_are_errors(tmp_path, mapping):
    export = write_export(tmp_path, [
        moodle_row("Ann", "Banda", "T1", ["10"] * 6, "-", ["-"] * 4),
        moodle_row("Ann", "Banda", "T1", ["10"] * 6, "-", ["-"] * 4),
        moodle_row("No", "Id", "", ["10"] * 6, "-", ["-"] * 4),
    ])
    with pytest.raises(CourseError) as error:
        score_sheet_text(export, mapping, COURSE)
    assert [p.split(": ", 2)[:2] for p in error.value.problems] == [[f"{export}:3", "ID number"],
                                                                      [f"{export}:4", "ID number"]]


def test_a_mapped_column_missing_from_the_export_is_named(tmp_path, mapping):
    export = write_export(tmp_path, [], header=[h for h in MOODLE_HEADER if "Quiz 6" not in h])
    with pytest.raises(CourseError, match=r"grades.csv:1: Quiz: Quiz 6 \(Real\): no such column"):
        score_sheet_text(export, mapping, COURSE)


def test_every_column_must_be_mapped_or_said_absent(tmp_path):
    path = tmp_path / "moodle.yml"
    path.write_text(MAPPING.replace("  participation_bonus: none\n", "").replace("out_of: 100}", "out_of: 0}", 1),
                    encoding="utf-8")
    with pytest.raises(CourseError) as error:
        load_mapping(path, COURSE)
    assert error.value.problems == [f"{path}: columns.quiz_5.out_of: must be more than 0",
                                    f"{path}: columns.participation_bonus: is not mapped: name its Moodle "
                                    "column, or write `none` if Moodle does not hold it"]


def test_a_scale_that_does_not_divide_exactly_is_an_error(tmp_path):
    path = tmp_path / "moodle.yml"
    path.write_text(MAPPING.replace('group work (Real)", out_of: 100}', 'group work (Real)", out_of: 7}'),
                    encoding="utf-8")
    export = write_export(tmp_path, [moodle_row("Ann", "Banda", "T1", ["10"] * 6, "1", ["-"] * 4)])
    with pytest.raises(CourseError, match="has no exact value out of 30"):
        score_sheet_text(export, load_mapping(path, COURSE), COURSE)


def test_an_xlsx_download_is_read_like_the_csv(tmp_path, mapping):
    from test_grader_input import write_xlsx

    rows = [moodle_row("Ann", "Banda", "T1", [10.0, 7.0, 8.0, 9.0, 70.0, 100.0], 77.0, [9.0, 8.5, 7.0, 10.0]),
            moodle_row("Kofi", "Mensah", "T2", [6.0, "-", "-", "-", "-", "-"], "-", ["-", "-", "-", "-"])]
    export = write_xlsx(tmp_path / "grades.xlsx", [MOODLE_HEADER, *rows])
    ann, kofi = sheet(score_sheet_text(export, mapping, COURSE))
    assert [ann[f"quiz_{n}"] for n in range(1, 7)] == ["10", "7", "8", "9", "7", "10"]
    assert (ann["group_work"], ann["essay_alignment"], kofi["quiz_1"], kofi["quiz_2"]) == ("23.1", "8.5", "6", "")
