"""Grading a score sheet: read it (and the answer files), decide every trainee, write the results CSV.

The sheet is streamed; problems are collected as rows go by and raised together once the whole sheet
has been read, so callers write to a temporary file and keep it only when no problem was found.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import IO, Iterable, Iterator, NamedTuple

from .answers import AnswerFiles
from .definition import Course
from .output import FORMULA_STARTS, number
from .quizzes import QUIZZES
from .rules import ACHIEVEMENT, Result, scorer
from .scoresheet import Problems, Trainee, read_trainees

RESULT_COLUMNS = ("trainee_id", "name", "quiz_points", "group_work_points", "essay_points", "completed_items",
                  "bonus_applied", "total", "certificate", "reason")
YES, NO = "yes", "no"           # bonus_applied
RESULTS_ENCODING = "utf-8-sig"  # with a byte-order mark, so Excel shows accented names correctly


class Graded(NamedTuple):
    trainee: Trainee
    result: Result


class Tally(NamedTuple):
    """What `write_results` wrote: trainees, certificates by type, bonuses applied."""

    trainees: int
    certificates: dict[str, int]
    bonus_applied: int


def load_answers(folder: Path | None, course: Course, quiz_folder: Path = QUIZZES) -> AnswerFiles | None:
    return AnswerFiles(folder, course, quiz_folder) if folder is not None else None


def graded(scores: Path, course: Course, answers: AnswerFiles | None = None) -> Iterator[Graded]:
    """Every trainee of the sheet with their result; raises CourseError with every problem at the end."""
    problems = Problems()
    trainees = read_trainees(scores, course, problems)
    if answers is not None:
        trainees = answers.merge(trainees, Path(scores), problems)
    score_one = scorer(course)
    for trainee in trainees:
        yield Graded(trainee, score_one(trainee))
    problems.raise_if_any()


def result_row(g: Graded) -> list[str]:
    trainee, r = g
    tid, name = trainee.trainee_id, trainee.name
    return ["'" + tid if tid.startswith(FORMULA_STARTS) else tid,       # csv_cell, inlined: once per row
            "'" + name if name.startswith(FORMULA_STARTS) else name,
            number(r.quiz_points), number(r.group_work_points), number(r.essay_points), str(r.completed_items),
            YES if r.bonus_applied else NO, number(r.total), r.certificate, r.reason]


def write_results(grades: Iterable[Graded], out: IO[str]) -> Tally:
    """Write the results CSV to `out` (opened with newline=""); returns what was written."""
    writer = csv.writer(out)
    writer.writerow(RESULT_COLUMNS)
    write, counts = writer.writerow, Counter()
    for g in grades:
        write(result_row(g))
        counts[g.result.certificate, g.result.bonus_applied] += 1
    certificates = Counter()
    for (certificate, _), n in counts.items():
        certificates[certificate] += n
    return Tally(sum(counts.values()), dict(certificates), counts[ACHIEVEMENT, True])


def check(scores: Path, course: Course, answers: AnswerFiles | None = None) -> int:
    """Read and grade everything, writing nothing; the number of trainees, or CourseError."""
    return sum(1 for _ in graded(scores, course, answers))
