"""The tutors' score sheet, read one trainee at a time.

Tolerant of what Excel and LibreOffice write (see tables.py): CSV in UTF-8 or a known encoding,
comma, semicolon or tab separated, decimal commas, trailing empty rows; .xlsx and .ods workbooks.
Strict about what matters: the header, every row as long as the header, numbers in range, one row
per trainee. Every problem names the file (and sheet), the spreadsheet row and the column, and all
of them are found in one reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..content.definition import Course
from ..content.languages import LANGUAGES
from ..errors import CourseError
from ..content.ui import number
from .tables import Table, bad_bytes, open_table

_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
# Columns that look like the grader's own: an unknown one is a mistake, not an extra column.
_OURS = re.compile(r"^(quiz_\d+|essay_\w+|group_work\w*|participation_bonus\w*|trainee_id|name)$")
HEADER_SEARCH = 10      # rows below row 1 searched for a header pushed down by title rows
MOODLE_GUIDE = "the tutors' guide, section \"From a Moodle gradebook\""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, printed as `file:row: column: message`."""

    file: str
    row: int = 0                # 0: the file as a whole
    column: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}" if self.row else self.file
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class Problems:
    """Problems collected while a sheet is read; raised together once all of it has been read."""

    found: list[Problem] = field(default_factory=list)

    def add(self, file, row: int, column: str, message: str) -> None:
        self.found.append(Problem(str(file), row, column, message))

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise CourseError([str(p) for p in sorted(self.found, key=lambda p: (p.file, p.row))])


class Trainee(NamedTuple):
    """One row of the score sheet. None means "not handed in", which is not the same as 0."""

    row: int
    trainee_id: str
    name: str
    quizzes: tuple[int | None, ...]         # correct answers per quiz
    group_work: Decimal | None
    essay: tuple[Decimal, ...] | None       # one score per criterion; None when not handed in
    bonus: Decimal | None
    language: str | None = None             # the optional `language` column: certificates and pages in it


LANGUAGE_COLUMN = "language"         # optional: the trainee's language (en, fr) for certificates and pages


def sheet_columns(course: Course) -> list[str]:
    """The required header, in the order tutors' sheets use."""
    a = course.assessment
    return (["trainee_id", "name"] + quiz_columns(course) + ["group_work"]
            + [c.column for c in a.essay_criteria] + ["participation_bonus"])


def quiz_columns(course: Course) -> list[str]:
    return [f"quiz_{n}" for n in range(1, course.assessment.quiz_count + 1)]


class ScoreSheet:
    """An open score sheet: its header found and checked; `rows()` gives the data rows."""

    def __init__(self, path: Path, course: Course, *, encoding: str | None = None, delimiter: str | None = None,
                 sheet: str | None = None):
        self.path = Path(path)
        self.course = course
        self.table: Table = open_table(self.path, encoding=encoding, delimiter=delimiter, sheet=sheet)
        self.name = self.table.name
        self.read_as = self.table.read_as
        self._rows = self.table.rows
        first = next(self._rows, None)
        if first is None or _blank(first[1]):
            raise CourseError(f"{self.name}:1: the first row must be the header ({','.join(sheet_columns(course))})")
        self.header_row, cells = first
        self.header = [_header_text(c) for c in cells]
        self.index = self._check_header()

    def _check_header(self) -> dict[str, int]:
        required = sheet_columns(self.course)
        if not set(required) & set(self.header):
            self._not_a_header()
        problems = Problems()
        index: dict[str, int] = {}
        for i, name in enumerate(self.header):
            if not name:
                continue                        # Excel's trailing empty columns
            if name in index:
                if name in required:
                    problems.add(self.name, self.header_row, name,
                                 f"column appears twice (columns {index[name] + 1} and {i + 1})")
                continue
            index[name] = i
            if name not in required and _OURS.match(name):
                problems.add(self.name, self.header_row, name,
                             f"unknown column (the grader's columns are: {', '.join(required)})")
        lowered = {n.lower(): n for n in index}
        for name in required:
            if name not in index:
                hint = f" (found {lowered[name]!r}: names are case-sensitive)" if name in lowered else ""
                problems.add(self.name, self.header_row, name, f"required column is missing{hint}")
        problems.raise_if_any()
        return index

    def _not_a_header(self) -> None:
        """Row 1 holds none of the grader's columns: say what it looks like instead, and stop."""
        if _looks_like_moodle(self.header):
            raise CourseError(f"{self.name}:{self.header_row}: this looks like a Moodle gradebook export (columns "
                              f"such as {', '.join(_moodle_columns(self.header)[:3])}), not the course's score sheet; "
                              f"see {MOODLE_GUIDE}, for how to turn it into one")
        for row, cells in _take(self._rows, HEADER_SEARCH):
            if "trainee_id" in (_header_text(c) for c in cells):
                raise CourseError(f"{self.name}:{row}: the header (trainee_id, name, …) is on row {row}, not on "
                                  f"row {self.header_row}: delete the title rows above it, so that the header is the "
                                  "first row")
        raise CourseError(f"{self.name}:{self.header_row}: no header found: the first row must name the columns "
                          f"{','.join(sheet_columns(self.course))} (no trainee_id column in rows {self.header_row} to "
                          f"{self.header_row + HEADER_SEARCH})")

    def rows(self, problems: Problems) -> Iterator[tuple[int, list]]:
        """(row number, cells) for every data row as long as the header; empty rows are skipped, and
        rows of another length, unreadable bytes and broken quotes go to `problems`."""
        last_row = last_read = self.header_row
        for row, cells in self._rows:
            last_row = row
            if _blank(cells):
                continue
            if len(cells) != len(self.header):
                problems.add(self.name, row, *self._length_problem(cells))
            elif not (self.table.unreadable and self._unreadable(row, cells, problems)):
                last_read = row
                yield row, cells
        for row, cell, message in self.table.problems:
            column = self.header[cell] if cell is not None and cell < len(self.header) else ""
            problems.add(self.name, row, column or "", message)
        if self.table.cut_short and last_read == last_row != self.header_row:
            problems.add(self.name, last_row, "", "the file ends without a line break after this row: it may have "
                                                  "been cut short, and its last cell be incomplete; check the row, "
                                                  "then save the sheet again")

    def _length_problem(self, cells: list) -> tuple[str, str]:
        width = len(self.header)
        if len(cells) < width:
            column = self.header[len(cells)] or f"column {len(cells) + 1}"
            cut = (" The file ends here: it may have been cut short." if self.table.cut_short else "")
            return column, (f"the row has {len(cells)} cells but the header has {width}: the cells from {column} on "
                            f"are missing.{cut}")
        column, hint = self.header[-1] or f"column {width}", ""
        for i in reversed(range(width)):        # the rightmost pair: the cells after it did not move
            a, b = str(cells[i]).strip(), str(cells[i + 1]).strip()
            if self.header[i] and a.isdigit() and b.isdigit() and len(b) == 1:
                column, hint = self.header[i], f" Is {a},{b} one number with a decimal comma? Quote it or use a point."
                break
        return column, (f"the row has {len(cells)} cells but the header has {width}: a separator inside a cell or "
                        f"two rows run together shift the cells, so none of this row is read.{hint}")

    def _unreadable(self, row: int, cells: list, problems: Problems) -> bool:
        found = False
        for i, cell in enumerate(cells):
            shown = bad_bytes(cell)
            if shown:
                column = self.header[i] or f"column {i + 1}"
                problems.add(self.name, row, column, f"has bytes that are not {self.table.encoding} ({shown}): this "
                                                     "row was probably pasted from a file saved in another encoding; "
                                                     "type its accented letters again, or give --encoding")
                found = True
        return found


def read_trainees(sheet: ScoreSheet, problems: Problems) -> Iterator[Trainee]:
    """Stream the valid trainees of a score sheet; every problem goes to `problems`."""
    a, ix = sheet.course.assessment, sheet.index
    essay = [c.column for c in a.essay_criteria]
    # Every column read, in the order of Trainee's fields, with how its cell is read and the reader's limit.
    columns = [("trainee_id", _trainee_id, ()), ("name", _name, ()),
               *((column, _correct_answers, (a.quiz_questions,)) for column in quiz_columns(sheet.course)),
               ("group_work", _points, (a.group_work_max,)),
               *((c.column, _points, (c.max_points,)) for c in a.essay_criteria),
               ("participation_bonus", _points, (a.bonus_max,)),
               *([(LANGUAGE_COLUMN, _language, ())] if LANGUAGE_COLUMN in ix else [])]
    readers = [(column, ix[column], read, limits) for column, read, limits in columns]
    q, e = a.quiz_count, len(essay)
    first_row_of: dict[str, int] = {}
    for row, cells in sheet.rows(problems):
        values, unreadable = [], set()
        for column, index, read, limits in readers:
            try:
                values.append(read(cells[index], *limits))
            except ValueError as exc:
                problems.add(sheet.name, row, column, str(exc))
                unreadable.add(column)
                values.append(None)
        # In the order of `columns`: id, name, q quizzes, group work, e essay criteria, bonus, [language]
        trainee_id, name = values[0], values[1]
        correct = tuple(values[2:2 + q])
        group_work = values[2 + q]
        criteria = tuple(values[3 + q:3 + q + e])
        bonus = values[3 + q + e]
        language = values[4 + q + e] if LANGUAGE_COLUMN in ix else None

        if trainee_id in first_row_of:
            problems.add(sheet.name, row, "trainee_id",
                         f"duplicate trainee_id {trainee_id!r} (also on row {first_row_of[trainee_id]})")
            unreadable.add("trainee_id")
        elif trainee_id:
            first_row_of[trainee_id] = row
        elif "trainee_id" not in unreadable:
            problems.add(sheet.name, row, "trainee_id", "is blank (every row needs a trainee_id)")
            unreadable.add("trainee_id")
        if not name and "name" not in unreadable:
            problems.add(sheet.name, row, "name", "is blank")
            unreadable.add("name")
        blank = [column for column, score in zip(essay, criteria) if score is None and column not in unreadable]
        if blank and len(blank) < len(essay):
            problems.add(sheet.name, row, blank[0], f"half-scored essay: {len(essay) - len(blank)} of {len(essay)} "
                                                    f"criteria scored (blank: {', '.join(blank)}); "
                                                    "score all of them or leave all blank")
            unreadable.add(blank[0])
        if not unreadable:
            yield Trainee(row, trainee_id, name, correct, group_work, None if blank else criteria, bonus, language)


# --- One cell --------------------------------------------------------------------------------------------
# Each takes a cell as the file holds it (CSV: text; workbooks: text, number, date or true/false) and
# returns its value, None for a blank cell, or raises ValueError with the message for the tutor.

def _trainee_id(value) -> str | None:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))          # an id typed as a number: 1234
    return _text(value, "a trainee id")


def _language(value) -> str | None:
    code = _text(value, "a language code")
    if code is not None and code.lower() not in LANGUAGES:
        raise ValueError(f"{code!r} is not a language of the course (use one of: {', '.join(LANGUAGES)}, or leave it "
                         "blank for the language the command is given)")
    return code.lower() if code else None


def _name(value) -> str | None:
    return _text(value, "a name")


def _text(value, what: str) -> str | None:
    if isinstance(value, str):
        return value.strip() or None    # as typed: only surrounding spaces trimmed, accents untouched
    if value is None:
        return None
    raise ValueError(f"{_shown(value)} is {_kind(value)}, not {what}: make the cell text")


@lru_cache(maxsize=4096, typed=True)       # scores take few values: each text is read once (typed: TRUE is not 1)
def _correct_answers(value, top: int) -> int | None:
    """Correct answers in a quiz: a whole number from 0 to `top` ("7" and "7.0" both mean 7)."""
    score = _number(value, f"the number of correct answers, 0 to {top}")
    if score is None:
        return None
    if score != score.to_integral_value():
        raise ValueError(f"{_shown(value)} is not a whole number (the number of correct answers, 0 to {top})")
    if not 0 <= score <= top:
        raise ValueError(f"{_plain(value)} is out of range (the number of correct answers, 0 to {top})")
    return int(score)


@lru_cache(maxsize=4096, typed=True)
def _points(value, top: float) -> Decimal | None:
    """Points: a number from 0 to `top`, with a decimal point or comma ("7.5", "7,5")."""
    score = _number(value, f"points, 0 to {number(top)}")
    if score is not None and not 0 <= score <= Decimal(str(top)):
        raise ValueError(f"{_plain(value)} is out of range (points, 0 to {number(top)})")
    return score


def _number(value, expected: str) -> Decimal | None:
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not _NUMBER.fullmatch(text):
            raise ValueError(f"{text!r} is not a number (expected {expected})")
        return Decimal(text.replace(",", "."))
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(repr(value))     # the shortest text that is this number: 7.5, not 7.4999…
    raise ValueError(f"{_shown(value)} is {_kind(value)}, not a number (expected {expected}); the spreadsheet "
                     "may have turned what was typed into a date: format the column as Number and type it again")


def _kind(value) -> str:
    if isinstance(value, bool):
        return "a TRUE/FALSE cell"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, (dt.time, dt.timedelta)):
        return "a time"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__} cell"


def _shown(value) -> str:
    return repr(value.strip()) if isinstance(value, str) else str(value)


def _plain(value) -> str:
    return value.strip() if isinstance(value, str) else number(_number(value, ""))


def _header_text(value) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def _blank(cells: list) -> bool:
    if cells and isinstance(cells[0], str) and cells[0].strip():
        return False                    # most rows start with a trainee id
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _take(rows: Iterator, n: int) -> list:
    out = []
    for item in rows:
        out.append(item)
        if len(out) == n:
            break
    return out


def _moodle_columns(header: list[str]) -> list[str]:
    marks = ("First name", "Surname", "Last name", "Email address", "ID number", "Course total")
    return [h for h in header if h in marks or h.startswith("Course total") or h.endswith("(Real)")]


def _looks_like_moodle(header: list[str]) -> bool:
    return "Email address" in header or any(h.endswith("(Real)") or h.startswith("Course total") for h in header)
