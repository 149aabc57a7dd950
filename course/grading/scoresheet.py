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
from array import array
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from operator import itemgetter
from typing import Iterator, NamedTuple

from ..content.definition import Course
from ..errors import CourseError
from .numbers import number

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
    """Which trainee ids were seen, in fixed memory; what it cannot rule out is checked exactly later.

    First, a table of the ids' hashes, one place per hash: most ids are a look-up and a store. An id
    whose place holds another id's hash goes to a Bloom filter instead. An id is a "maybe" if its place
    holds its own hash or the filter already has it; a second pass over the sheet settles every maybe.
    """

    PLACES = 1 << 19    # 4 MiB of hashes: at 100,000 trainees, about one id in ten finds its place taken
    BITS = 1 << 24      # 2 MiB Bloom filter for those: about one false alarm in 100,000 sheets of 100,000
    EMPTY = -1          # a place no hash can hold: Python never gives -1 as a hash

    def __init__(self):
        self.places = array("q", [self.EMPTY]) * self.PLACES
        self.bits = bytearray(self.BITS >> 3)
        self.maybe: set[str] = set()

    def crowded(self, trainee_id: str, h: int) -> bool:
        """Whether an id whose place is taken may have been seen before (the Bloom filter); it is added."""
        bits, mask = self.bits, self.BITS - 1
        i, j, k = (h >> 19) & mask, (h >> 30) & mask, (h >> 40) & mask     # bits above the place's
        bit_i, bit_j, bit_k = 1 << (i & 7), 1 << (j & 7), 1 << (k & 7)
        i, j, k = i >> 3, j >> 3, k >> 3
        if bits[i] & bit_i and bits[j] & bit_j and bits[k] & bit_k:
            return True
        bits[i] |= bit_i
        bits[j] |= bit_j
        bits[k] |= bit_k
        return False


_MISS = object()           # what a bad cell parses to (None is a blank cell)
_CACHE_SIZE = 4096      # distinct texts remembered per kind of score, and whole essays: scores take few values


def _cells_at(indexes: list[int]):
    """A function picking these cells out of a row, always as a tuple (itemgetter gives one cell bare)."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    return lambda cells: tuple(cells[i] for i in indexes)


class _Columns:
    """Column positions and value caches resolved once, so each row is read by index and dict look-ups."""

    def __init__(self, sheet: ScoreSheet):
        c, a = sheet.course, sheet.course.assessment
        ix = sheet.index
        self.id, self.name = ix["trainee_id"], ix["name"]
        self.width = max(ix.values()) + 1
        quiz = (a.quiz_questions, None)
        # (column, index, (whole-number maximum, or None and the points maximum)) for every score cell:
        # the quizzes, the group work, the essay criteria and the bonus, in that order
        self.quizzes = [(name, ix[name], quiz) for name in quiz_columns(c)]
        self.group_work = ("group_work", ix["group_work"], (None, Decimal(str(a.group_work_max))))
        self.essay = [(cr.column, ix[cr.column], (None, Decimal(str(cr.max_points)))) for cr in a.essay_criteria]
        self.bonus = ("participation_bonus", ix["participation_bonus"], (None, Decimal(str(a.bonus_max))))
        self.scores = self.quizzes + [self.group_work] + self.essay + [self.bonus]
        self.quiz_cells = _cells_at([i for _, i, _ in self.quizzes])
        self.essay_cells = _cells_at([i for _, i, _ in self.essay])
        # cell text -> value, one cache per kind of score; "" (blank) is None
        caches: dict = {}
        self.caches = [caches.setdefault(kind, {"": None}) for _, _, kind in self.scores]
        self.quiz_values = self.caches[0] if self.quizzes else {}
        self.group_work_values = self.caches[len(self.quizzes)]
        self.bonus_values = self.caches[-1]
        # A whole essay's cell texts -> its scores (None if all blank): essays repeat. Half-scored ones are
        # never here, so they always take the slow path, which reports them.
        self.essays: dict[tuple[str, ...], tuple | None] = {}


def read_trainees(path: Path, course: Course, problems: Problems) -> Iterator[Trainee]:
    """Stream the valid trainees of a score sheet; bad rows go to `problems` (duplicates once all is read).

    A header that cannot be graded raises CourseError at once. This loop runs once per trainee, so it
    is written for speed: look-ups bound to local names, cells turned into scores by dict look-ups in C.
    """
    sheet = ScoreSheet(path, course)
    cols = _Columns(sheet)
    seen = _SeenIds()
    id_ix, name_ix, width, gw_ix, bonus_ix = cols.id, cols.name, cols.width, cols.group_work[1], cols.bonus[1]
    quiz_cells, essay_cells = cols.quiz_cells, cols.essay_cells
    quiz_value, essay_value = cols.quiz_values.__getitem__, cols.essays.__getitem__
    gw_value, bonus_value = cols.group_work_values.__getitem__, cols.bonus_values.__getitem__
    places, places_mask, EMPTY, maybe = seen.places, seen.PLACES - 1, seen.EMPTY, seen.maybe
    new = tuple.__new__         # a Trainee without NamedTuple's Python-level __new__: one is made per row
    with sheet.reader() as records:
        for row, cells in records:
            if not (cells and cells[0]) and not "".join(cells).strip():
                continue                            # an empty row (spreadsheets add them at the end)
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            trainee_id, name = cells[id_ix].strip(), cells[name_ix].strip()
            try:            # the common case: every text seen before, so only look-ups in C
                quizzes = tuple(map(quiz_value, quiz_cells(cells)))
                group_work = gw_value(cells[gw_ix])
                essay = essay_value(essay_cells(cells))
                bonus = bonus_value(cells[bonus_ix])
                ok = trainee_id and name
            except KeyError:
                ok = False
            if not ok:
                scores = _check_row(sheet.path, row, cells, trainee_id, name, cols, problems)
                if scores is None:
                    continue
                quizzes, group_work, essay, bonus = scores
            # Duplicate ids, first look (see _SeenIds): three operations for most rows.
            h = hash(trainee_id)
            place = h & places_mask
            held = places[place]
            if held == EMPTY:
                places[place] = h
            elif held == h or seen.crowded(trainee_id, h):
                maybe.add(trainee_id)
            # The name as typed (only surrounding spaces trimmed): accents come out exactly as they went in.
            yield new(Trainee, (row, trainee_id, name, quizzes, group_work, essay, bonus))
    if maybe:
        _report_duplicates(sheet, cols, maybe, problems)


def _check_row(path: Path, row: int, cells: list[str], trainee_id: str, name: str, cols: _Columns,
               problems: Problems) -> tuple | None:
    """The slow path, for a row with a text not seen before or a problem: parse every score cell, report
    what is wrong, remember good texts; (quizzes, group work, essay, bonus), or None if anything is wrong."""
    values, ok = [], True
    for (column, i, (whole_max, points_max)), cache in zip(cols.scores, cols.caches):
        text = cells[i]
        if text in cache:
            values.append(cache[text])
            continue
        value = (_whole(path, row, column, text.strip(), whole_max, problems) if whole_max is not None
                 else _decimal(path, row, column, text.strip(), points_max, problems))
        if value is _MISS:
            ok = False
        elif len(cache) < _CACHE_SIZE:
            cache[text] = value
        values.append(value)
    if not trainee_id:
        problems.add(path, row, "trainee_id", "is blank (every row needs a trainee_id)")
    if not name:
        problems.add(path, row, "name", "is blank")
    n = len(cols.quizzes)
    essay = tuple(values[n + 1:-1])
    blank = [column for (column, _, _), v in zip(cols.essay, essay) if v is None]
    if 0 < len(blank) < len(essay):
        problems.add(path, row, blank[0], f"half-scored essay: {len(essay) - len(blank)} of {len(essay)} "
                                          f"criteria scored (blank: {', '.join(blank)}); "
                                          "score all of them or leave all blank")
        return None
    if not (ok and trainee_id and name):
        return None
    essay = None if blank else essay
    if len(cols.essays) < _CACHE_SIZE:
        cols.essays[cols.essay_cells(cells)] = essay
    return tuple(values[:n]), values[n], essay, values[-1]


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
