"""`--answers DIR`: answer files scored against a (fixture) quiz bank and merged into quiz_N."""

from __future__ import annotations

import json
import re

import pytest
from sheets import FIXTURE_QUIZZES, FIXTURES, results, row, run, write_sheet

from course.content import load
from course.content.quizzes import ANSWER_FORMAT, ANSWER_VERSION, load_quiz_bank

BANK = load_quiz_bank(FIXTURE_QUIZZES)


def answer_file(folder, trainee_id, quiz="week-1", correct=10, edition=None, name="x.json", **override):
    """An answer file with `correct` right answers (the fixture key cycles a, b, c)."""
    q = BANK.quiz(quiz)
    answers = {}
    for i, question in enumerate(q.questions):
        wrong = next(letter for letter in question.options if letter != question.answer)
        answers[question.id] = question.answer if i < correct else wrong
    data = {"format": ANSWER_FORMAT, "version": ANSWER_VERSION, "quiz": quiz,
            "edition": edition or q.edition, "trainee_id": trainee_id, "name": "", "answers": answers}
    data.update(override)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def grade(tmp_path, rows, *extra):
    scores = write_sheet(tmp_path / "scores.csv", rows)
    return run("grade", scores, "--answers", tmp_path / "answers", "--quizzes", FIXTURE_QUIZZES, *extra)


@pytest.fixture
def answers(tmp_path):
    (tmp_path / "answers").mkdir()
    return tmp_path / "answers"


def test_answer_files_fill_blank_quizzes(tmp_path, answers):
    answer_file(answers, "T1", "week-1", correct=7, name="t1-w1.json")
    (answers / "week-2").mkdir()
    answer_file(answers / "week-2", "T1", "week-2", correct=0, name="t1-w2.json")    # 0 correct still counts
    r = grade(tmp_path, [row("T1", quizzes=(None, None, 10, 10, 10, 10)), row("T2")])
    assert r.exit_code == 0, r.stderr
    t1 = results(r.stdout)[0]
    assert (t1["quiz_points"], t1["completed_items"]) == ("23.5", "8")       # 3.5 + 0 + 20


def test_answers_through_the_environment_variable(tmp_path, answers):
    answer_file(answers, "T1", "week-1", correct=4)
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", quizzes=(None, 0, 0, 0, 0, 0))])
    r = run("grade", scores, "--answers", answers, env={"COURSE_QUIZZES": str(FIXTURE_QUIZZES)})
    assert r.exit_code == 0, r.stderr
    assert results(r.stdout)[0]["quiz_points"] == "2"


def test_a_quiz_in_both_places_is_an_error(tmp_path, answers):
    path = answer_file(answers, "T1", "week-1")
    r = grade(tmp_path, [row("T1")], "-o", tmp_path / "results.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {tmp_path / 'scores.csv'}:2: quiz_1: scored in the sheet (10) and in the "
                               f"answer file {path}")
    assert not (tmp_path / "results.csv").exists()


@pytest.mark.parametrize("case, expected", [
    ("edition", "edition: answers are for edition 000000000000 of week-1"),
    ("quiz", "quiz: unknown quiz 'week-9'"),
    ("stranger", "trainee_id: no valid row for trainee 'T99'"),
    ("twice", "quiz: trainee 'T1' already handed in week-1"),
    ("junk", "not a quiz answer file"),
])
def test_bad_answer_files_are_named(tmp_path, answers, case, expected):
    if case == "edition":
        path = answer_file(answers, "T1", edition="000000000000")
    elif case == "quiz":
        path = answer_file(answers, "T1", quiz="week-1", name="a.json")
        data = json.loads(path.read_text())
        data["quiz"] = "week-9"
        path.write_text(json.dumps(data))
    elif case == "stranger":
        path = answer_file(answers, "T99")
    elif case == "twice":
        answer_file(answers, "T1", name="a.json")
        path = answer_file(answers, "T1", name="b.json")
    else:
        path = answers / "notes.docx"
        path.write_bytes(b"PK\x03\x04 not json")
    r = grade(tmp_path, [row("T1", quizzes=(None,) * 6)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"Error: {path}: {expected}" in r.stderr, r.stderr


def test_hidden_files_are_ignored(tmp_path, answers):
    (answers / ".DS_Store").write_bytes(b"\0\1")
    answer_file(answers, "T1")
    assert grade(tmp_path, [row("T1", quizzes=(None, 1, 1, 1, 1, 1))]).exit_code == 0


def test_missing_folders_are_clean_errors(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row()])
    r = run("validate", scores, "--answers", tmp_path / "nowhere", "--quizzes", FIXTURE_QUIZZES)
    assert r.exit_code == 1 and "answers folder does not exist" in r.stderr
    (tmp_path / "answers").mkdir()
    r = run("validate", scores, "--answers", tmp_path / "answers", "--quizzes", tmp_path / "no-bank")
    assert r.exit_code == 1 and "no quiz bank" in r.stderr


# --- The rewritten bank (issue 14) refuses answer files made against the bank before it -------------

OLD_BANK = FIXTURES / "bank-before-issue-14"


@pytest.mark.parametrize("week", range(1, 7))
def test_every_rewritten_quiz_has_a_new_edition(week):
    key = f"week-{week}"
    assert load_quiz_bank(OLD_BANK).quiz(key).edition != load().quiz_bank.quiz(key).edition


def test_an_answer_file_for_the_old_bank_is_refused_naming_the_replaced_questions(tmp_path, answers):
    old = load_quiz_bank(OLD_BANK).quiz("week-2")
    data = {"format": ANSWER_FORMAT, "version": ANSWER_VERSION, "quiz": "week-2", "edition": old.edition,
            "trainee_id": "T1", "name": "", "answers": {q.id: q.answer for q in old.questions}}
    path = answers / "quiz-week-2-T1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", quizzes=(10, None, 10, 10, 10, 10))])
    r = run("grade", scores, "--answers", answers, "-o", tmp_path / "results.csv")     # the shipped bank
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"Error: {path}: edition: answers are for edition {old.edition} of week-2" in r.stderr
    # Questions whose meaning changed got new ids: the message names the ones the file answered.
    listed = re.search(r"changed; (.*?) no longer in the quiz", r.stderr).group(1).split(", ")
    new_ids = {q.id for q in load().quiz_bank.quiz("week-2").questions}
    assert set(listed) == {q.id for q in old.questions} - new_ids
    assert "w2-who-implements" in listed and "w2-governance-structure" not in listed
    assert "answer the current quiz" in r.stderr
    assert not (tmp_path / "results.csv").exists()
