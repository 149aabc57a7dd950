"""Grading a score sheet: read it (and the answer files) and decide every trainee.

The sheet is streamed; problems are collected as rows go by and raised together once the whole sheet
has been read, so callers write to a temporary file and keep it only when no problem was found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..content.definition import Course
from ..content.quizzes import QuizBank
from ..content.ui import Interface
from .answers import AnswerFiles
from .rules import Result, Rules, decide
from .scoresheet import Problems, ScoreSheet, Trainee, read_trainees


class Graded(NamedTuple):
    trainee: Trainee
    result: Result


def load_answers(folder: Path | None, course: Course, bank: QuizBank) -> AnswerFiles | None:
    return AnswerFiles(folder, course, bank) if folder is not None else None


def graded(sheet: ScoreSheet, answers: AnswerFiles | None = None, words: Interface | None = None) -> Iterator[Graded]:
    """Every trainee of the sheet with their result (reasons in the language of `words`); raises CourseError
    with every problem at the end."""
    problems = Problems()
    trainees = read_trainees(sheet, problems)
    if answers is not None:
        trainees = answers.merge(trainees, sheet.name, problems)
    rules = Rules.of(sheet.course, words)
    for trainee in trainees:
        yield Graded(trainee, decide(trainee, rules))
    problems.raise_if_any()


def check(sheet: ScoreSheet, answers: AnswerFiles | None = None) -> int:
    """Read and grade everything, writing nothing; the number of trainees, or CourseError."""
    return sum(1 for _ in graded(sheet, answers))
