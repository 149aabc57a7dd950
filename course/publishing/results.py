"""The results CSV: one line per trainee with points, certificate and reason."""

from __future__ import annotations

from collections import Counter
from typing import IO, Iterable, NamedTuple

from ..grading.gradebook import Graded
from ..grading.numbers import number
from .files import FORMULA_STARTS, csv_text

RESULT_COLUMNS = ("trainee_id", "name", "quiz_points", "group_work_points", "essay_points", "completed_items",
                  "bonus_applied", "total", "certificate", "reason")
YES, NO = "yes", "no"           # bonus_applied
FORMULA = frozenset(FORMULA_STARTS)     # one character each
RESULTS_ENCODING = "utf-8-sig"  # with a byte-order mark, so Excel shows accented names correctly


class Tally(NamedTuple):
    """What `write_results` wrote: trainees, certificates by type, bonuses applied."""

    trainees: int
    certificates: dict[str, int]
    bonus_applied: int


def write_results(grades: Iterable[Graded], out: IO[str]) -> Tally:
    """Write the results CSV to `out` (opened with newline=""); returns what was written.

    Lines are assembled here rather than by csv.writer, which takes as long per row as reading
    the sheet does: numbers never need quoting, and text is written as csv_text writes it (formulas
    neutralised, then quoted as csv.writer quotes: QUOTE_MINIMAL, "\r\n" line ends). Tests read
    the output back with the csv module.
    """
    out.write(",".join(RESULT_COLUMNS) + "\r\n")
    counts, lines, bonuses = Counter(), [], 0
    for trainee, (quiz, group_work, essay, items, _, applied, total, certificate, reason) in grades:
        tid, name = trainee.trainee_id, trainee.name
        # Most ids and names need nothing from csv_text. These tests say so as csv_text would (a formula's
        # first character, or one that needs quotes), without a call per cell: a fifth of the writing time.
        if tid[:1] in FORMULA or '"' in tid or "," in tid or "\r" in tid or "\n" in tid:
            tid = csv_text(tid)
        if name[:1] in FORMULA or '"' in name or "," in name or "\r" in name or "\n" in name:
            name = csv_text(name)
        # The reason starts with a certificate's name, never a formula character, and holds no quote:
        # always quoted, it needs no check.
        lines.append(f"{tid},{name},{number(quiz)},{number(group_work)},{number(essay)},{items},"
                     f"{YES if applied else NO},{number(total)},{certificate},\"{reason}\"\r\n")
        counts[certificate] += 1
        bonuses += applied
        if len(lines) == 1000:          # written in batches: one call per thousand rows
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))
    return Tally(sum(counts.values()), dict(counts), bonuses)
