"""The results: one row per trainee with points, certificate and reason, as CSV or as an .xlsx workbook."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..grading.gradebook import Graded
from ..content.ui import number
from .files import atomic_path, neutralised

RESULT_COLUMNS = ("trainee_id", "name", "quiz_points", "group_work_points", "essay_points", "completed_items",
                  "bonus_applied", "total", "certificate", "reason")
RESULTS_ENCODING = "utf-8-sig"  # with a byte-order mark, so Excel shows accented names correctly
BYTE_ORDER_MARK = "\ufeff"      # what utf-8-sig puts first


@dataclass
class Tally:
    """What was written: trainees, certificates by type, bonuses applied."""

    trainees: int = 0
    certificates: Counter = field(default_factory=Counter)
    bonus_applied: int = 0

    def add(self, graded: Graded) -> None:
        self.trainees += 1
        self.certificates[graded.result.certificate] += 1
        self.bonus_applied += graded.result.bonus_applied


def result_row(graded: Graded) -> list:
    """A trainee's results, in RESULT_COLUMNS order: texts as given, points as exact Decimals."""
    t, r = graded.trainee, graded.result
    return [t.trainee_id, t.name, r.quiz_points, r.group_work_points, r.essay_points, r.completed_items,
            "yes" if r.bonus_applied else "no", r.total, r.certificate, r.reason]


def write_results_csv(grades: Iterable[Graded], out: IO[str]) -> Tally:
    """The results as CSV to `out` (opened with newline=""): numbers without trailing zeros, and texts a
    spreadsheet would run as formulas neutralised."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RESULT_COLUMNS)
    tally = Tally()
    for graded in grades:
        t, r = graded
        writer.writerow([neutralised(t.trainee_id), neutralised(t.name), number(r.quiz_points),
                         number(r.group_work_points), number(r.essay_points), r.completed_items,
                         "yes" if r.bonus_applied else "no", number(r.total), r.certificate, r.reason])
        tally.add(graded)
    return tally


def write_results_xlsx(grades: Iterable[Graded], path: Path) -> Tally:
    """The results as an .xlsx workbook, written atomically: each text cell stored as text (never a
    formula), each number as a number."""
    import xlsxwriter

    tally = Tally()
    with atomic_path(path, suffix=".xlsx") as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_numbers": False, "strings_to_urls": False})
        sheet = book.add_worksheet("Results")
        for col, heading in enumerate(RESULT_COLUMNS):
            sheet.write_string(0, col, heading)
        for row, graded in enumerate(grades, start=1):
            for col, cell in enumerate(result_row(graded)):
                if isinstance(cell, str):
                    sheet.write_string(row, col, cell)
                else:
                    sheet.write_number(row, col, float(cell))
            tally.add(graded)
        book.close()
    return tally
