"""The quiz bank for Moodle: GIFT judged by the gift-pegjs parser, Moodle XML by the documented structure."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from conftest import ROOT, npm_package

from course.content import load
from course.content.definition import load_course
from course.publishing.exports import (
    MOODLE_FRACTIONS,
    fraction,
    gift,
    gift_escape,
    moodle_xml,
)

BANK = load().quiz_bank
TITLE = load_course().title
QUIZZES = list(BANK.quizzes.values())


def parse_gift(text: str) -> list[dict]:
    """The questions gift-pegjs reads in `text` (run in Node, as the parser ships)."""
    parser = npm_package("gift-pegjs")
    script = f"const p = require({json.dumps(str(parser))}); " \
             "let s = ''; process.stdin.on('data', d => s += d); " \
             "process.stdin.on('end', () => process.stdout.write(JSON.stringify(p.parse(s))));"
    run = subprocess.run(["node", "-e", script], input=text, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_gift_of_the_whole_bank_parses_to_every_question_with_its_key_and_feedback():
    parsed = parse_gift(gift(QUIZZES, TITLE))
    categories = [p["title"] for p in parsed if p["type"] == "Category"]
    assert categories == [f"$course$/top/{TITLE}/Week {q.week}. {q.title}" for q in QUIZZES]
    questions = [p for p in parsed if p["type"] != "Category"]
    expected = [q for quiz in QUIZZES for q in quiz.questions]
    assert len(questions) == len(expected) == 60
    for got, q in zip(questions, expected):
        assert got["type"] == "MC" and got["id"] == q.id and got["title"] == q.id
        assert got["tags"] == [f"module-{q.module}", f"level-{q.level}", f"objective-{q.objective}"]
        assert got["stem"] == {"format": "html", "text": f"<p>{_html(q.question)}</p>"}
        assert [c["text"]["text"] for c in got["choices"]] == [_html(o) for o in q.options.values()]
        assert [c["isCorrect"] for c in got["choices"]] == [letter == q.answer for letter in q.options]
        assert {c["feedback"]["text"] for c in got["choices"]} == {f"<p>{_html(q.explanation)}</p>"}


def _html(text: str) -> str:
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_gift_escapes_its_special_characters():
    tricky = "Is 1 = 1 {really}? See: a#b ~ c \\ d"
    quiz = QUIZZES[0]
    q = quiz.questions[0]
    broken = q.__class__(**{**q.__dict__, "question": tricky, "options": {**q.options, "a": "x = y ~ z"}})
    one = quiz.__class__(**{**quiz.__dict__, "questions": (broken,)})
    got = [p for p in parse_gift(gift([one], TITLE)) if p["type"] == "MC"][0]
    assert got["stem"]["text"] == f"<p>{tricky}</p>"
    assert got["choices"][0]["text"]["text"] == "x = y ~ z"
    assert gift_escape("a=b") == "a\\=b"


def test_gift_of_one_week_has_one_category_and_its_ten_questions():
    parsed = parse_gift(gift([BANK.quiz("week-2")], TITLE))
    assert [p["type"] for p in parsed] == ["Category"] + ["MC"] * 10


def _child_text(element, path):
    found = element.find(path)
    assert found is not None, f"<{element.tag}> has no {path}"
    return found.text or ""


def test_moodle_xml_has_the_documented_structure():
    root = ET.fromstring(moodle_xml(QUIZZES, TITLE).encode("utf-8"))
    assert root.tag == "quiz"
    questions = list(root)
    assert all(q.tag == "question" for q in questions)
    categories = [q for q in questions if q.get("type") == "category"]
    assert [_child_text(c, "category/text") for c in categories] == \
        [f"$course$/top/{TITLE}/Week {q.week}. {q.title}" for q in QUIZZES]
    multichoice = [q for q in questions if q.get("type") == "multichoice"]
    expected = [q for quiz in QUIZZES for q in quiz.questions]
    assert len(multichoice) == len(expected)
    for element, q in zip(multichoice, expected):
        assert _child_text(element, "name/text") == q.id
        assert _child_text(element, "idnumber") == q.id
        assert [t.text for t in element.findall("tags/tag/text")] == \
            [f"module-{q.module}", f"level-{q.level}", f"objective-{q.objective}"]
        assert element.find("questiontext").get("format") == "html"
        assert _child_text(element, "questiontext/text") == f"<p>{_html(q.question)}</p>"
        assert _child_text(element, "single") == "true"
        assert float(_child_text(element, "defaultgrade")) == 1
        answers = element.findall("answer")
        assert [_child_text(a, "text") for a in answers] == [_html(o) for o in q.options.values()]
        grades = [Decimal(a.get("fraction")) for a in answers]
        assert all(g in MOODLE_FRACTIONS for g in grades)
        assert grades == [Decimal(100) if letter == q.answer else 0 for letter in q.options]
        assert {_child_text(a, "feedback/text") for a in answers} == {f"<p>{_html(q.explanation)}</p>"}
    # Each week's questions follow their category, in order.
    kinds = [q.get("type") for q in questions]
    assert kinds == (["category"] + ["multichoice"] * 10) * len(QUIZZES)


def test_only_moodles_grades_are_written():
    assert fraction(Decimal(100)) == "100" and fraction(Decimal("33.33333")) == "33.33333"
    with pytest.raises(ValueError):
        fraction(Decimal(35))
