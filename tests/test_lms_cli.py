"""The tutors' LMS and insight commands end to end: items, export, progress, grade --map, verify."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from sheets import FIXTURE_QUIZZES, results, row, run, write_sheet
from test_moodle_gradebook import MAPPING, moodle_row, write_export

from course.content.quizzes import ANSWER_FORMAT, ANSWER_VERSION, load_quiz_bank

BANK = load_quiz_bank(FIXTURE_QUIZZES)


def hand_in(folder, trainee, letters, quiz="week-1"):
    q = BANK.quiz(quiz)
    answers = {question.id: letter for question, letter in zip(q.questions, letters) if letter != "-"}
    data = {"format": ANSWER_FORMAT, "version": ANSWER_VERSION, "quiz": quiz, "edition": q.edition,
            "trainee_id": trainee, "name": "", "answers": answers}
    (folder / f"{trainee}-{quiz}.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def answers(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    for trainee, letters in [("T1", "aacabcabca"), ("T2", "acbabcabca"), ("T3", "abaabcaaaa"), ("T4", "ab-bbbbbbb")]:
        hand_in(folder, trainee, letters)
    return folder


def test_items_page_puts_the_questions_to_review_first(tmp_path, answers):
    out = tmp_path / "items.html"
    r = run("items", "--answers", answers, "--quizzes", FIXTURE_QUIZZES, "-o", out)
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    review = page.split('id="review"')[1].split('id="week-1"')[0]
    assert "Week 1, question 1 (fx1-q1)" in review and "Very easy: facility 100% is above 90%." in review
    assert "Fixture question 1 of week 1?" in review and "chosen by 4" in review
    assert "Negative discrimination" in review
    assert "Week 2 quiz" in page and "Statistics need at least 3 attempts (has 0)." in page
    assert "questions to review" in r.stderr


def test_items_csv_has_one_row_per_question(tmp_path, answers):
    out = tmp_path / "items.csv"
    assert run("items", "--answers", answers, "--quizzes", FIXTURE_QUIZZES, "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 20
    first = rows[0]
    assert (first["question_id"], first["attempts"], first["facility_percent"], first["chose_a"]) == \
        ("fx1-q1", "4", "100.0000", "4")
    assert rows[10]["facility_percent"] == ""          # week 2: no answer files


def test_export_writes_the_chosen_weeks(tmp_path):
    out = tmp_path / "bank.xml"
    r = run("export", "moodle-xml", "--week", "2", "-o", out)
    assert r.exit_code == 0, r.output
    root = ET.parse(out).getroot()
    assert [q.get("type") for q in root] == ["category"] + ["multichoice"] * 10
    assert run("export", "gift", "--week", "9", "-o", tmp_path / "x.txt").exit_code == 1
    assert not (tmp_path / "x.txt").exists()


def test_progress_writes_a_page_per_trainee(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("T1", "Ann Banda", quizzes=(10,) * 6, group_work=16, essay=None),
        row("T2", "Kofi Mensah <b>", quizzes=(8, 8, 8, None, None, None), group_work=None, essay=None)])
    out = tmp_path / "progress"
    r = run("progress", scores, "-o", out)
    assert r.exit_code == 0, r.output
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["T1-row2.html", "T2-row3.html", "index.html"]
    ann = (out / "T1-row2.html").read_text(encoding="utf-8")
    assert "Achievement needs 14 of the 40 essay points." in ann and "Participation is earned." in ann
    assert "Kofi Mensah &lt;b&gt;" in (out / "T2-row3.html").read_text(encoding="utf-8")


def test_grade_through_a_moodle_mapping(tmp_path):
    (tmp_path / "moodle.yml").write_text(MAPPING, encoding="utf-8")
    export = write_export(tmp_path, [
        moodle_row("Ann", "Banda", "T1", ["10", "10", "10", "10", "100", "100"], "100", ["10"] * 4),
        moodle_row("Kofi", "Mensah", "T2", ["6", "-", "-", "-", "-", "-"], "-", ["-"] * 4),
        moodle_row("Adjoa", "Owusu", "T3", ["10", "10", "10", "10", "100", "100"], "50", ["8", "6", "-", "-"]),
    ])
    r = run("grade", export, "--map", tmp_path / "moodle.yml")
    # The half-scored essay is found by the grader in the translated sheet and told in Moodle's terms.
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {export}:4: Assignment: Essay, coherence (Real): half-scored essay")
    export = write_export(tmp_path, [
        moodle_row("Ann", "Banda", "T1", ["10", "10", "10", "10", "100", "100"], "100", ["10"] * 4),
        moodle_row("Kofi", "Mensah", "T2", ["6", "-", "-", "-", "-", "-"], "-", ["-"] * 4)])
    r = run("grade", export, "--map", tmp_path / "moodle.yml")
    assert r.exit_code == 0, r.stderr
    ann, kofi = results(r.stdout)
    assert (ann["name"], ann["total"], ann["certificate"]) == ("Ann Banda", "100", "achievement")
    assert (kofi["quiz_points"], kofi["completed_items"], kofi["certificate"]) == ("3", "1", "none")


def test_verify_needs_the_centres_secret(tmp_path):
    r = run("verify", "2027-1-A-AAAA-AAAA-AAAA-AAAA", "--name", "Ann Banda",
            env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert r.exit_code == 1 and "no centre secret here" in r.stderr


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["items", "progress", "progress-index"])
def test_the_pages_pass_axe(tmp_path, answers, offline, page_name):
    from axe_playwright_python.sync_playwright import Axe

    items = run("items", "--answers", answers, "--quizzes", FIXTURE_QUIZZES, "-o", tmp_path / "items.html")
    assert items.exit_code == 0
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", quizzes=(10,) * 6, group_work=16, essay=None)])
    assert run("progress", scores, "-o", tmp_path / "progress").exit_code == 0
    target = {"items": tmp_path / "items.html", "progress": tmp_path / "progress" / "T1-row2.html",
              "progress-index": tmp_path / "progress" / "index.html"}[page_name]
    offline.page.goto(target.as_uri())
    violations = Axe().run(offline.page).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    assert offline.blocked == [] and offline.errors == []


def test_the_pages_pass_the_nu_html_checker(tmp_path, answers):
    import os
    import shutil
    import subprocess

    from conftest import ROOT

    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if shutil.which("java") is None or not vnu.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("java and vnu.jar are needed (apt-get install -y default-jre-headless; npm ci)")
        pytest.skip("vnu.jar or java missing (npm ci; apt-get install -y default-jre-headless)")
    items = run("items", "--answers", answers, "--quizzes", FIXTURE_QUIZZES, "-o", tmp_path / "items.html")
    assert items.exit_code == 0
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", quizzes=(10,) * 6, group_work=16, essay=None),
                                                   row("T2", quizzes=(10,) * 6, group_work=30)])
    assert run("progress", scores, "-o", tmp_path / "progress").exit_code == 0
    assert run("certificates", scores, "-o", tmp_path / "certs").exit_code == 0
    pages = [tmp_path / "items.html", *(tmp_path / "progress").glob("*.html"), *(tmp_path / "certs").glob("*.html")]
    result = subprocess.run(["java", "-jar", str(vnu), "--format", "json", "--errors-only", *map(str, pages)],
                            capture_output=True, text=True, check=False)
    assert json.loads(result.stderr)["messages"] == []
