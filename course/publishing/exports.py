"""The quiz bank for an LMS: Moodle XML and GIFT, one category per week.

Both formats carry the same things: multiple choice with one right answer, the question id as Moodle's
`idnumber`, the module, level and objective as Moodle tags, the explanation as each option's feedback
(it says why the key is right and why the tempting distractor is wrong), and grades taken from the
fractions Moodle accepts.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from ..content.quizzes import Question, Quiz

# The grades Moodle offers for an answer (question_bank::fraction_options): p/q for q <= 6, p/10,
# 1/q for q <= 10, and 1/20; as percentages to 7 significant places as Moodle writes them.
MOODLE_FRACTIONS = tuple(sorted({Decimal(0), Decimal(100)} | {
    Decimal(f) * 100 for f in ("0.9", "0.8333333", "0.8", "0.75", "0.7", "0.6666667", "0.6", "0.5", "0.4",
                               "0.3333333", "0.3", "0.25", "0.2", "0.1666667", "0.1428571", "0.125",
                               "0.1111111", "0.1", "0.05")}))
RIGHT, WRONG = Decimal(100), Decimal(0)


def fraction(percent: Decimal) -> str:
    """A grade as Moodle writes it; anything outside Moodle's list is a mistake in this module."""
    if percent not in MOODLE_FRACTIONS:
        raise ValueError(f"{percent} % is not one of Moodle's answer grades")
    return format(percent.normalize(), "f")


def category_path(course_title: str, quiz: Quiz) -> str:
    """Moodle's category path for a week's quiz; a "/" inside a name is written "//", as Moodle does."""
    names = [course_title, f"Week {quiz.week}. {quiz.title}"]
    return "$course$/top/" + "/".join(n.replace("/", "//") for n in names)


def _paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (blank lines separate them)."""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in parts if p)


def tags(question: Question) -> list[str]:
    """Moodle tags: the module, the cognitive level and the objective the question tests."""
    found = [f"module-{question.module}"]
    found += [f"level-{question.level}"] if question.level else []
    found += [f"objective-{question.objective}"] if question.objective else []
    return found


def _grade(question: Question, letter: str) -> Decimal:
    return RIGHT if letter == question.answer else WRONG


# Moodle XML -------------------------------------------------------------------------------------------

def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def moodle_xml(quizzes: list[Quiz], course_title: str) -> str:
    """The quizzes as one Moodle XML file (Moodle's "Moodle XML format" for question import)."""
    root = ET.Element("quiz")
    for quiz in quizzes:
        category = ET.SubElement(root, "question", {"type": "category"})
        _text(category, "category", category_path(course_title, quiz), fmt=None)
        _text(category, "info", _paragraphs(quiz.title))
        _simple(category, "idnumber", f"{quiz.key}-{quiz.edition}")
        for q in quiz.questions:
            _moodle_question(root, q)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _moodle_question(root: ET.Element, q: Question) -> None:
    element = ET.SubElement(root, "question", {"type": "multichoice"})
    _text(element, "name", q.id, fmt=None)
    _text(element, "questiontext", _paragraphs(q.question))
    _text(element, "generalfeedback", "")
    _simple(element, "defaultgrade", "1")
    _simple(element, "penalty", "0")
    _simple(element, "hidden", "0")
    _simple(element, "idnumber", q.id)
    _simple(element, "single", "true")
    _simple(element, "shuffleanswers", "false")     # the options keep the order the course pages show
    _simple(element, "answernumbering", "abc")
    _simple(element, "showstandardinstruction", "0")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")
    feedback = _paragraphs(q.explanation)
    for letter, option in q.options.items():
        answer = _text(element, "answer", html.escape(option, quote=False))
        answer.set("fraction", fraction(_grade(q, letter)))
        _text(answer, "feedback", feedback)
    tag_list = ET.SubElement(element, "tags")
    for tag in tags(q):
        _text(tag_list, "tag", tag, fmt=None)


# GIFT -------------------------------------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(text: str) -> str:
    """Text with GIFT's control characters (~ = # { } : and the backslash) escaped by a backslash."""
    return _GIFT_SPECIAL.sub(r"\\\1", text)


def gift(quizzes: list[Quiz], course_title: str) -> str:
    """The quizzes as one GIFT file; `// [id:…]` gives Moodle each question's idnumber."""
    lines = [f"// {course_title}: quiz bank ({', '.join(q.key + ' edition ' + q.edition for q in quizzes)})", ""]
    for quiz in quizzes:
        # The category line is read as it stands (Moodle does not unescape it), so nothing is escaped.
        lines += [f"$CATEGORY: {category_path(course_title, quiz)}", ""]
        for q in quiz.questions:
            feedback = gift_escape(_paragraphs(q.explanation))
            lines.append(f"// [id:{q.id}] " + " ".join(f"[tag:{t}]" for t in tags(q)))
            lines.append(f"::{gift_escape(q.id)}::[html]{gift_escape(_paragraphs(q.question))}{{")
            for letter, option in q.options.items():
                grade = _grade(q, letter)
                mark = {RIGHT: "=", WRONG: "~"}.get(grade) or f"~%{fraction(grade)}%"
                lines.append(f"{mark}{gift_escape(html.escape(option, quote=False))}#{feedback}")
            lines += ["}", ""]
    return "\n".join(lines)
