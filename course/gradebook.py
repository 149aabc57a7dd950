"""Grading a score sheet: read it (and the answer files), decide every trainee, write the results CSV.

The sheet is streamed; problems are collected as rows go by and raised together once the whole sheet
has been read, so callers write to a temporary file and keep it only when no problem was found.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .answers import AnswerFiles
from .cohort import Cohort, CohortFigures
from .definition import Course
from .output import csv_cell, number
from .quizzes import QUIZZES
from .rules import Result, score
from .scoresheet import Problems, Trainee, read_trainees

RESULT_COLUMNS = ("trainee_id", "name", "quiz_points", "group_work_points", "essay_points", "completed_items",
                  "bonus_applied", "total", "certificate", "reason")
YES, NO = "yes", "no"           # bonus_applied
RESULTS_ENCODING = "utf-8-sig"  # with a byte-order mark, so Excel shows accented names correctly


@dataclass(frozen=True)
class Graded:
    trainee: Trainee
    result: Result


def load_answers(folder: Path | None, course: Course, quiz_folder: Path = QUIZZES) -> AnswerFiles | None:
    return AnswerFiles(folder, course, quiz_folder) if folder is not None else None


def graded(scores: Path, course: Course, answers: AnswerFiles | None = None) -> Iterator[Graded]:
    """Every trainee of the sheet with their result; raises CourseError with every problem at the end."""
    problems = Problems()
    trainees = read_trainees(scores, course, problems)
    if answers is not None:
        trainees = answers.merge(trainees, Path(scores), problems)
    for trainee in trainees:
        yield Graded(trainee, score(trainee, course))
    problems.raise_if_any()


def result_row(g: Graded) -> list[str]:
    r = g.result
    return [csv_cell(g.trainee.trainee_id), csv_cell(g.trainee.name), number(r.quiz_points),
            number(r.group_work_points), number(r.essay_points), str(r.completed_items),
            YES if r.bonus_applied else NO, number(r.total), r.certificate, csv_cell(r.reason)]


def write_results(grades: Iterable[Graded], out: IO[str], course: Course) -> CohortFigures:
    """Write the results CSV to `out` (opened with newline=""); returns the cohort's figures."""
    writer = csv.writer(out)
    writer.writerow(RESULT_COLUMNS)
    cohort = Cohort(course)
    for g in grades:
        writer.writerow(result_row(g))
        cohort.add(g.trainee, g.result)
    return cohort.figures()


def check(scores: Path, course: Course, answers: AnswerFiles | None = None) -> int:
    """Read and grade everything, writing nothing; the number of trainees, or CourseError."""
    return sum(1 for _ in graded(scores, course, answers))
