"""Grading a score sheet: read it (and the answer files) and decide every trainee.

The sheet is streamed; problems are collected as rows go by and raised together once the whole sheet
has been read, so callers write to a temporary file and keep it only when no problem was found.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Iterator, NamedTuple

from ..content.definition import Course
from ..content.quizzes import QuizBank
from .answers import AnswerFiles
from .rules import Result, scorer
from .scoresheet import Problems, Trainee, read_trainees


class Graded(NamedTuple):
    trainee: Trainee
    result: Result


def load_answers(folder: Path | None, course: Course, bank: QuizBank) -> AnswerFiles | None:
    return AnswerFiles(folder, course, bank) if folder is not None else None


def graded(scores: Path, course: Course, answers: AnswerFiles | None = None) -> Iterator[Graded]:
    """Every trainee of the sheet with their result; raises CourseError with every problem at the end."""
    problems = Problems()
    trainees = read_trainees(scores, course, problems)
    if answers is not None:
        trainees = answers.merge(trainees, Path(scores), problems)
    score_one, new = scorer(course), tuple.__new__
    # Rows make no reference cycles (reference counting frees them), so the cycle collector would only
    # rescan the long-lived caches every few hundred rows: paused while the sheet streams.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for trainee in trainees:
            yield new(Graded, (trainee, score_one(trainee)))     # tuple.__new__: no Python-level call per row
    finally:
        if collecting:
            gc.enable()
    problems.raise_if_any()


def check(scores: Path, course: Course, answers: AnswerFiles | None = None) -> int:
    """Read and grade everything, writing nothing; the number of trainees, or CourseError."""
    return sum(1 for _ in graded(scores, course, answers))
