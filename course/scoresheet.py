"""The tutors' score sheet (SCORES.csv), read as spreadsheets write it, one trainee at a time.

Tolerant of what Excel and LibreOffice produce: UTF-8 with or without a byte-order mark, or
Windows-1252; comma, semicolon or tab separated; decimal commas; trailing empty rows and columns.
Strict about what matters: required columns, numbers in range, one row per trainee. Every problem
carries the file, the spreadsheet row number (the header is row 1) and the column.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterator

from .definition import Course
from .errors import CourseError
from .output import number

_CHUNK = 1 << 20
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
# Columns that look like the grader's own: an unknown one is a mistake, not an extra column.
_OURS = re.compile(r"^(quiz_\d+|essay_\w+|group_work\w*|participation_bonus\w*|trainee_id|name)$")


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
    """Problems collected while streaming; raised together once the whole input has been read."""

    found: list[Problem] = field(default_factory=list)

    def add(self, file, row: int, column: str, message: str) -> None:
        self.found.append(Problem(str(file), row, column, message))

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise CourseError([str(p) for p in sorted(self.found, key=lambda p: (p.file, p.row))])


@dataclass(frozen=True)
class Trainee:
    """One row of the score sheet. None means "not handed in", which is not the same as 0."""

    row: int
    trainee_id: str
    name: str
    quizzes: tuple[int | None, ...]         # correct answers per quiz
    group_work: Decimal | None
    essay: tuple[Decimal, ...] | None       # one score per criterion; None when not handed in
    bonus: Decimal | None


def sheet_columns(course: Course) -> list[str]:
    """The required header, in the order tutors' sheets use."""
    a = course.assessment
    return (["trainee_id", "name"] + quiz_columns(course) + ["group_work"]
            + [c.column for c in a.essay_criteria] + ["participation_bonus"])


def quiz_columns(course: Course) -> list[str]:
    return [f"quiz_{n}" for n in range(1, course.assessment.quiz_count + 1)]


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' if the whole file is UTF-8 (BOM or not), else 'cp1252' if it decodes as that."""
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(path, "rb") as f:
                head = f.read(4)
                if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    raise CourseError(f"{path}: saved as UTF-16 \"Unicode text\"; save it as \"CSV UTF-8\" "
                                      "(comma or semicolon separated) instead")
                f.seek(0)
                while chunk := f.read(_CHUNK):          # checked in chunks: the file is never held whole
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            raise CourseError(f"{path}: cannot read: {exc.strerror}") from None
    raise CourseError(f"{path}: is neither UTF-8 nor Windows-1252 text; save it as \"CSV UTF-8\"")


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class ScoreSheet:
    """An open score sheet: the header checked, rows read lazily as (row number, cells)."""

    def __init__(self, path: Path, course: Course):
        self.path = Path(path)
        self.course = course
        self.encoding = detect_encoding(self.path)
        with open(self.path, encoding=self.encoding, newline="") as f:
            first = f.readline()
        if not first.strip():
            raise CourseError(f"{self.path}:1: the first row must be the header "
                              f"({','.join(sheet_columns(course))})")
        self.delimiter = _sniff_delimiter(first)
        with open(self.path, encoding=self.encoding, newline="") as f:
            header = next(csv.reader(f, delimiter=self.delimiter))
        self.header = [h.strip() for h in header]
        self.index = self._check_header()

    def _check_header(self) -> dict[str, int]:
        required = sheet_columns(self.course)
        problems = Problems()
        index: dict[str, int] = {}
        for i, name in enumerate(self.header):
            if not name:
                continue                        # Excel's trailing empty columns
            if name in index:
                if name in required:
                    problems.add(self.path, 1, name, f"column appears twice (columns {index[name] + 1} and {i + 1})")
                continue
            index[name] = i
            if name not in required and _OURS.match(name):
                problems.add(self.path, 1, name, f"unknown column (the grader's columns are: {', '.join(required)})")
        lowered = {n.lower(): n for n in index}
        for name in required:
            if name not in index:
                hint = f" (found {lowered[name]!r}: names are case-sensitive)" if name in lowered else ""
                problems.add(self.path, 1, name, f"required column is missing{hint}")
        problems.raise_if_any()
        return index

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(spreadsheet row number, cells) for every data row; empty rows are skipped."""
        with open(self.path, encoding=self.encoding, newline="") as f:
            reader = csv.reader(f, delimiter=self.delimiter)
            try:
                next(reader, None)
                for number, cells in enumerate(reader, start=2):
                    if any(c.strip() for c in cells):
                        yield number, cells
            except csv.Error as exc:
                raise CourseError(f"{self.path}:{reader.line_num}: cannot read the CSV: {exc}") from None


class _SeenIds:
    """Which trainee ids were seen, in fixed memory: a Bloom filter; its rare "maybe" is checked later."""

    BITS = 1 << 23                  # 1 MiB: under 1 in 10,000 false alarms up to 100,000 trainees
    HASHES = 4

    def __init__(self):
        self.bits = bytearray(self.BITS >> 3)
        self.maybe: set[str] = set()

    def add(self, trainee_id: str) -> None:
        h = int.from_bytes(hashlib.blake2b(trainee_id.encode(), digest_size=16).digest(), "little")
        bits, seen = self.bits, True
        for _ in range(self.HASHES):
            i = h & (self.BITS - 1)
            h >>= 23
            byte, mask = i >> 3, 1 << (i & 7)
            if not bits[byte] & mask:
                seen = False
                bits[byte] |= mask
        if seen:
            self.maybe.add(trainee_id)


class _Columns:
    """Column positions resolved once, so each row is read by index."""

    def __init__(self, sheet: ScoreSheet):
        c, a = sheet.course, sheet.course.assessment
        ix = sheet.index
        self.id, self.name = ix["trainee_id"], ix["name"]
        self.quizzes = [(name, ix[name]) for name in quiz_columns(c)]
        self.group_work = ix["group_work"]
        self.essay = [(cr.column, ix[cr.column], Decimal(str(cr.max_points))) for cr in a.essay_criteria]
        self.bonus = ix["participation_bonus"]
        self.quiz_max = a.quiz_questions
        self.group_work_max = Decimal(str(a.group_work_max))
        self.bonus_max = Decimal(str(a.bonus_max))


def read_trainees(path: Path, course: Course, problems: Problems) -> Iterator[Trainee]:
    """Stream the valid trainees of a score sheet; bad rows go to `problems` (duplicates once all is read).

    A header that cannot be graded raises CourseError at once.
    """
    sheet = ScoreSheet(path, course)
    cols = _Columns(sheet)
    seen = _SeenIds()
    for row, cells in sheet.rows():
        trainee = _trainee(sheet.path, row, cells, cols, problems)
        if trainee is not None:
            seen.add(trainee.trainee_id)
            yield trainee
    if seen.maybe:
        _report_duplicates(sheet, cols, seen.maybe, problems)


def _report_duplicates(sheet: ScoreSheet, cols: _Columns, maybe: set[str], problems: Problems) -> None:
    """Second pass, only over the ids the Bloom filter flagged: which really appear twice, and where."""
    first: dict[str, int] = {}
    for row, cells in sheet.rows():
        trainee_id = _cell(cells, cols.id)
        if trainee_id in maybe:
            if trainee_id in first:
                problems.add(sheet.path, row, "trainee_id",
                             f"duplicate trainee_id {trainee_id!r} (also on row {first[trainee_id]})")
            else:
                first[trainee_id] = row


def _cell(cells: list[str], i: int) -> str:
    return cells[i].strip() if i < len(cells) else ""


def _trainee(path: Path, row: int, cells: list[str], cols: _Columns, problems: Problems) -> Trainee | None:
    before = len(problems.found)
    trainee_id, name = _cell(cells, cols.id), _cell(cells, cols.name)
    if not trainee_id:
        problems.add(path, row, "trainee_id", "is blank (every row needs a trainee_id)")
    if not name:
        problems.add(path, row, "name", "is blank")
    quizzes = tuple(_whole(path, row, column, _cell(cells, i), cols.quiz_max, problems) for column, i in cols.quizzes)
    group_work = _decimal(path, row, "group_work", _cell(cells, cols.group_work), cols.group_work_max, problems)
    criteria = [(column, _decimal(path, row, column, _cell(cells, i), top, problems)) for column, i, top in cols.essay]
    bonus = _decimal(path, row, "participation_bonus", _cell(cells, cols.bonus), cols.bonus_max, problems)
    blank = [column for column, i, _ in cols.essay if not _cell(cells, i)]
    essay = None
    if not blank:
        essay = tuple(v for _, v in criteria)
    elif len(blank) < len(criteria):
        problems.add(path, row, blank[0], f"half-scored essay: {len(criteria) - len(blank)} of {len(criteria)} "
                                          f"criteria scored (blank: {', '.join(blank)}); "
                                          "score all of them or leave all blank")
    if len(problems.found) > before:
        return None
    # The cell as typed (only surrounding spaces trimmed): a name with accents comes out as it went in.
    return Trainee(row, trainee_id, name, quizzes, group_work, essay, bonus)


def _whole(path, row: int, column: str, text: str, top: int, problems: Problems) -> int | None:
    """Correct answers in a quiz: a whole number from 0 to `top` ("7" and "7.0" both mean 7)."""
    if not text:
        return None
    if text.isascii() and text.isdigit():           # the common case, fast
        value = int(text)
    else:
        value = _parse(path, row, column, text, problems, f"the number of correct answers, 0 to {top}")
        if value is None:
            return None
        if value != value.to_integral_value():
            problems.add(path, row, column, f"{text!r} is not a whole number (the number of correct answers, "
                                            f"0 to {top})")
            return None
    if not 0 <= value <= top:
        problems.add(path, row, column, f"{text} is out of range (the number of correct answers, 0 to {top})")
        return None
    return int(value)


def _decimal(path, row: int, column: str, text: str, top: Decimal, problems: Problems) -> Decimal | None:
    """Points: any decimal number from 0 to `top`, with a decimal point or comma ("7.5", "7,5")."""
    if not text:
        return None
    value = _parse(path, row, column, text, problems, f"points, 0 to {number(top)}")
    if value is None:
        return None
    if not 0 <= value <= top:
        problems.add(path, row, column, f"{text} is out of range (points, 0 to {number(top)})")
        return None
    return value


def _parse(path, row: int, column: str, text: str, problems: Problems, expected: str) -> Decimal | None:
    if not _NUMBER.match(text):
        problems.add(path, row, column, f"{text!r} is not a number (expected {expected})")
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:        # pragma: no cover - the pattern only lets numbers through
        problems.add(path, row, column, f"{text!r} is not a number (expected {expected})")
        return None
