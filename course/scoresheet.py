"""The tutors' score sheet (SCORES.csv), read as spreadsheets write it, one trainee at a time.

Tolerant of what Excel and LibreOffice produce: UTF-8 with or without a byte-order mark, or
Windows-1252; comma, semicolon or tab separated; decimal commas; trailing empty rows and columns.
Strict about what matters: required columns, numbers in range, one row per trainee. Every problem
carries the file, the spreadsheet row number (the header is row 1) and the column.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from operator import itemgetter
from typing import Iterator, NamedTuple

from .definition import Course
from .errors import CourseError
from .output import number

_CHUNK = 1 << 20
_NUMBER = re.compile(r"^[+-]?[0-9]+(?:[.,][0-9]+)?$")
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


class Trainee(NamedTuple):
    """One row of the score sheet. None means "not handed in", which is not the same as 0.

    Immutable like a frozen dataclass, and four times cheaper to create: one is made per row.
    """

    row: int
    trainee_id: str
    name: str
    quizzes: tuple[int | None, ...]         # correct answers per quiz
    group_work: Decimal | int | None
    essay: tuple[Decimal | int, ...] | None     # one score per criterion; None when not handed in
    bonus: Decimal | int | None


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
        with self.reader() as records:
            for number, cells in records:
                if (cells and cells[0]) or "".join(cells).strip():     # the first test settles most rows
                    yield number, cells

    @contextlib.contextmanager
    def reader(self) -> Iterator[Iterator[tuple[int, list[str]]]]:
        """Every record after the header with its row number, empty ones included; CSV errors made clean."""
        with open(self.path, encoding=self.encoding, newline="") as f:
            reader = csv.reader(f, delimiter=self.delimiter)
            try:
                next(reader, None)
                yield enumerate(reader, start=2)
            except csv.Error as exc:
                raise CourseError(f"{self.path}:{reader.line_num}: cannot read the CSV: {exc}") from None


class _SeenIds:
    """Which trainee ids were seen, in fixed memory: a Bloom filter; its rare "maybe" is checked later."""

    BITS = 1 << 25                  # 4 MiB: about one false alarm in 50 sheets of 100,000 trainees

    def __init__(self):
        self.bits = bytearray(self.BITS >> 3)
        self.maybe: set[str] = set()


_MISS = object()           # what a bad cell parses to (None is a blank cell)
_CACHE_SIZE = 4096      # distinct cell texts remembered per kind of score: scores take few values


class _Columns:
    """Column positions and value caches resolved once, so each row is read by index and dict look-ups."""

    def __init__(self, sheet: ScoreSheet):
        c, a = sheet.course, sheet.course.assessment
        ix = sheet.index
        self.id, self.name = ix["trainee_id"], ix["name"]
        self.width = max(ix.values()) + 1
        quiz = (a.quiz_questions, None)
        group_work = (None, Decimal(str(a.group_work_max)))
        bonus = (None, Decimal(str(a.bonus_max)))
        # (column, index, (whole-number maximum, or None and the points maximum)) for every score cell
        self.scores = ([(name, ix[name], quiz) for name in quiz_columns(c)] + [("group_work", ix["group_work"], group_work)]
                       + [(cr.column, ix[cr.column], (None, Decimal(str(cr.max_points)))) for cr in a.essay_criteria]
                       + [("participation_bonus", ix["participation_bonus"], bonus)])
        self.get = itemgetter(*(i for _, i, _ in self.scores))
        caches: dict = {}
        self.caches = [caches.setdefault(kind, {"": None}) for _, _, kind in self.scores]
        # positions in that list: quizzes, then group work, the essay criteria and the bonus
        self.group_work = a.quiz_count
        self.bonus = a.quiz_count + 1 + len(a.essay_criteria)
        self.essay_columns = [cr.column for cr in a.essay_criteria]


def read_trainees(path: Path, course: Course, problems: Problems) -> Iterator[Trainee]:
    """Stream the valid trainees of a score sheet; bad rows go to `problems` (duplicates once all is read).

    A header that cannot be graded raises CourseError at once. This loop runs once per trainee, so it
    is written for speed: look-ups bound to local names, cells parsed through caches in C calls.
    """
    sheet = ScoreSheet(path, course)
    cols = _Columns(sheet)
    seen = _SeenIds()
    id_ix, name_ix, width, get, caches = cols.id, cols.name, cols.width, cols.get, cols.caches
    quiz_end, gw_ix, essay_end = cols.group_work, cols.group_work, cols.bonus
    bits, mask, maybe = seen.bits, seen.BITS - 1, seen.maybe
    lookup, new = dict.__getitem__, tuple.__new__         # tuple.__new__: a NamedTuple without the Python call
    with sheet.reader() as records:
        for row, cells in records:
            if not (cells and cells[0]) and not "".join(cells).strip():
                continue                            # an empty row (spreadsheets add them at the end)
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            texts = get(cells)
            try:
                values, ok = list(map(lookup, caches, texts)), True     # the common case: every cell seen before
            except KeyError:
                values, ok = _parse_cells(sheet.path, row, texts, cols, problems)
            trainee_id, name = cells[id_ix].strip(), cells[name_ix].strip()
            essay = tuple(values[gw_ix + 1:essay_end])
            blanks = essay.count(None)
            if not ok or not trainee_id or not name or 0 < blanks < len(essay):
                _report_row(sheet.path, row, trainee_id, name, essay, cols, problems)
                continue
            # Bloom filter, inlined: three bits from Python's string hash (stable within a run).
            h = hash(trainee_id)
            i, j, k = h & mask, (h >> 25) & mask, (h >> 39) & mask
            bi, bj, bk, mi, mj, mk = i >> 3, j >> 3, k >> 3, 1 << (i & 7), 1 << (j & 7), 1 << (k & 7)
            if bits[bi] & mi and bits[bj] & mj and bits[bk] & mk:
                maybe.add(trainee_id)
            else:
                bits[bi] |= mi
                bits[bj] |= mj
                bits[bk] |= mk
            # The name as typed (only surrounding spaces trimmed): accents come out exactly as they went in.
            yield new(Trainee, (row, trainee_id, name, tuple(values[:quiz_end]), values[gw_ix],
                                None if blanks else essay, values[essay_end]))
    if maybe:
        _report_duplicates(sheet, cols, maybe, problems)


def _parse_cells(path: Path, row: int, texts: tuple[str, ...], cols: _Columns, problems: Problems):
    """The slow path for cells not in the caches: parse, report problems, remember good values; (values, ok)."""
    values, ok = [], True
    for n, text in enumerate(texts):
        cache = cols.caches[n]
        if text in cache:
            values.append(cache[text])
            continue
        column, _, (whole_max, points_max) = cols.scores[n]
        value = (_whole(path, row, column, text.strip(), whole_max, problems) if whole_max is not None
                 else _decimal(path, row, column, text.strip(), points_max, problems))
        if value is _MISS:
            ok = False
        elif len(cache) < _CACHE_SIZE:
            cache[text] = value
        values.append(value)
    return values, ok


def _report_row(path: Path, row: int, trainee_id: str, name: str, essay: tuple, cols: _Columns,
                problems: Problems) -> None:
    """The problems of a row the fast path could not take (bad cells are already reported)."""
    if not trainee_id:
        problems.add(path, row, "trainee_id", "is blank (every row needs a trainee_id)")
    if not name:
        problems.add(path, row, "name", "is blank")
    blank = [c for c, v in zip(cols.essay_columns, essay) if v is None]
    if 0 < len(blank) < len(essay):
        problems.add(path, row, blank[0], f"half-scored essay: {len(essay) - len(blank)} of {len(essay)} "
                                          f"criteria scored (blank: {', '.join(blank)}); "
                                          "score all of them or leave all blank")


def _report_duplicates(sheet: ScoreSheet, cols: _Columns, maybe: set[str], problems: Problems) -> None:
    """Second pass, only over the ids the Bloom filter flagged: which really appear twice, and where."""
    first: dict[str, int] = {}
    for row, cells in sheet.rows():
        trainee_id = cells[cols.id].strip() if cols.id < len(cells) else ""
        if trainee_id in maybe:
            if trainee_id in first:
                problems.add(sheet.path, row, "trainee_id",
                             f"duplicate trainee_id {trainee_id!r} (also on row {first[trainee_id]})")
            else:
                first[trainee_id] = row


def _whole(path, row: int, column: str, text: str, top: int, problems: Problems):
    """Correct answers in a quiz: a whole number from 0 to `top` ("7" and "7.0" both mean 7); _MISS if bad."""
    if not text:
        return None
    value = _parse(path, row, column, text, problems, f"the number of correct answers, 0 to {top}")
    if value is _MISS:
        return _MISS
    if value != value.to_integral_value():
        problems.add(path, row, column, f"{text!r} is not a whole number (the number of correct answers, "
                                        f"0 to {top})")
        return _MISS
    if not 0 <= value <= top:
        problems.add(path, row, column, f"{text} is out of range (the number of correct answers, 0 to {top})")
        return _MISS
    return int(value)


def _decimal(path, row: int, column: str, text: str, top: Decimal, problems: Problems):
    """Points: any decimal number from 0 to `top`, with a decimal point or comma ("7.5", "7,5"); _MISS if bad.

    Whole numbers come back as int, others as Decimal without trailing zeros: exact, and cheap to add.
    """
    if not text:
        return None
    value = _parse(path, row, column, text, problems, f"points, 0 to {number(top)}")
    if value is _MISS:
        return _MISS
    if not 0 <= value <= top:
        problems.add(path, row, column, f"{text} is out of range (points, 0 to {number(top)})")
        return _MISS
    return int(value) if value == value.to_integral_value() else value.normalize()


def _parse(path, row: int, column: str, text: str, problems: Problems, expected: str):
    if not _NUMBER.match(text):
        problems.add(path, row, column, f"{text!r} is not a number (expected {expected})")
        return _MISS
    return Decimal(text.replace(",", "."))
