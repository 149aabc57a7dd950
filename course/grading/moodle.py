"""A Moodle gradebook export read as the course's score sheet, through a mapping file (moodle.yml).

The mapping names the Moodle column that holds each of the score sheet's columns, and the scale Moodle
grades it on ("out of 10" marks, "out of 100" for a percentage). Every column of the score sheet must be
mapped, or said to be absent (`none`: blank for everyone), so nothing is left out by mistake. A grade is
rescaled exactly; a quiz grade that is not a whole number of correct answers is an error, never rounded.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from pathlib import Path
from typing import Iterator

from ..content.definition import Course
from ..content.ui import Interface, number
from ..content.yamlfile import Fields, load_yaml
from ..errors import CourseError
from .answers import AnswerFiles
from .gradebook import Graded, graded
from .scoresheet import Problems, ScoreSheet, quiz_columns, sheet_columns
from .tables import open_table

NO_GRADE = ("", "-")                # Moodle writes "-" where a grade item has no grade yet
_NUMBER = re.compile(r"^[+-]?[0-9]+(?:[.,][0-9]+)?$")


@dataclass(frozen=True)
class Source:
    """Where one score-sheet column comes from."""

    column: str                     # ours: quiz_1, group_work, …
    moodle: str | None              # the Moodle column; None: not in Moodle (blank for everyone)
    out_of: Decimal                 # Moodle's scale for it
    ours: Decimal                   # our maximum: correct answers for a quiz, points otherwise
    whole: bool                     # ours must be a whole number (quiz: correct answers)


@dataclass(frozen=True)
class Mapping:
    trainee_id: str
    name: tuple[str, ...]           # joined by a space: First name, Surname
    sources: tuple[Source, ...]


def our_maximum(course: Course) -> dict[str, tuple[Decimal, bool]]:
    """Each score-sheet column's largest value, and whether it must be whole."""
    a = course.assessment
    top = {c: (Decimal(a.quiz_questions), True) for c in quiz_columns(course)}
    top["group_work"] = (Decimal(str(a.group_work_max)), False)
    top.update({c.column: (Decimal(str(c.max_points)), False) for c in a.essay_criteria})
    top["participation_bonus"] = (Decimal(str(a.bonus_max)), False)
    return top


def load_mapping(path: Path, course: Course) -> Mapping:
    """Read moodle.yml; every problem names the file and the field."""
    f = Fields(path)
    d = f.mapping(load_yaml(path), "", {"trainee_id", "name", "columns"})
    trainee_id = f.get(d, "trainee_id", str, "")
    names = d.get("name")
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        f.problem("name", "must be the Moodle column of the name, or a list of them (e.g. [First name, Surname])")
        names = []
    columns = f.mapping(d.get("columns"), "columns", set(sheet_columns(course)) - {"trainee_id", "name"})
    sources = []
    for column, (ours, whole) in our_maximum(course).items():
        where = f"columns.{column}"
        if column not in columns:
            f.problem(where, "is not mapped: name its Moodle column, or write `none` if Moodle does not hold it")
            continue
        raw = columns[column]
        if raw is None or raw == "none":
            sources.append(Source(column, None, ours, ours, whole))
            continue
        spec = f.mapping(raw, where, {"moodle", "out_of"})
        moodle = f.get(spec, "moodle", str, where)
        out_of = f.get(spec, "out_of", (int, float), where)
        if isinstance(out_of, (int, float)) and out_of <= 0:
            f.problem(f"{where}.out_of", "must be more than 0")
            out_of = None
        if moodle and out_of:
            sources.append(Source(column, moodle, Decimal(str(out_of)), ours, whole))
    f.raise_if_any()
    return Mapping(trainee_id, tuple(n.strip() for n in names), tuple(sources))


def score_sheet_text(export: Path, mapping: Mapping, course: Course) -> str:
    """The Moodle export as the course's score sheet (CSV text), rows in the same order and at the same row
    numbers; CourseError with every problem as `file:row: Moodle column: what is wrong`."""
    table = open_table(Path(export))       # CSV as Moodle writes it, or its .xlsx / .ods download
    rows = [(number_, [_cell(c) for c in cells]) for number_, cells in table.rows]
    if table.unreadable:
        raise CourseError(f"{export}: some bytes are not {table.encoding} text; export the grades again from Moodle")
    if table.problems:
        raise CourseError([f"{export}:{row}: {message}" for row, _, message in table.problems])
    if not rows:
        raise CourseError(f"{export}: is empty")
    (_, header_cells), *data = rows
    header = [h.strip() for h in header_cells]
    index = {h: i for i, h in enumerate(header)}
    wanted = [mapping.trainee_id, *mapping.name, *(s.moodle for s in mapping.sources if s.moodle)]
    missing = [w for w in wanted if w not in index]
    if missing:
        raise CourseError([f"{export}:1: {m}: no such column in the Moodle export (its columns: "
                           f"{', '.join(header)})" for m in missing])
    problems = Problems()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet_columns(course))
    seen: dict[str, int] = {}
    for row_number, cells in data:
        if not any(c.strip() for c in cells):
            continue
        cells += [""] * (len(header) - len(cells))      # a workbook row may stop at its last filled cell
        if len(cells) != len(header):
            problems.add(export, row_number, "", f"has {len(cells)} cells but the header has {len(header)}")
            continue
        trainee_id = cells[index[mapping.trainee_id]].strip()
        if not trainee_id:
            problems.add(export, row_number, mapping.trainee_id, "is empty: every trainee needs the course's "
                         "trainee ID in Moodle's ID number")
        elif trainee_id in seen:
            problems.add(export, row_number, mapping.trainee_id, f"trainee {trainee_id!r} is also on row "
                         f"{seen[trainee_id]}")
        seen.setdefault(trainee_id, row_number)
        name = " ".join(cells[index[n]].strip() for n in mapping.name if cells[index[n]].strip())
        values = [_rescaled(export, row_number, s, cells[index[s.moodle]] if s.moodle else "", problems)
                  for s in mapping.sources]
        by_column = dict(zip((s.column for s in mapping.sources), values))
        writer.writerow([trainee_id, name] + [by_column[c] for c in sheet_columns(course)[2:]])
    problems.raise_if_any()
    return out.getvalue()


def _cell(value) -> str:
    """A cell as text: workbook numbers without a spurious ".0", blanks empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _rescaled(export: Path, row: int, s: Source, text: str, problems: Problems) -> str:
    """The grade on our scale as score-sheet text; blank when Moodle has no grade."""
    text = text.strip()
    if text in NO_GRADE:
        return ""
    if not _NUMBER.match(text):
        problems.add(export, row, s.moodle, f"{text!r} is not a grade")
        return ""
    try:
        grade = Decimal(text.replace(",", "."))
    except InvalidOperation:
        problems.add(export, row, s.moodle, f"{text!r} is not a grade")
        return ""
    if not 0 <= grade <= s.out_of:
        problems.add(export, row, s.moodle, f"{text} is outside 0 to {number(s.out_of)} (the scale moodle.yml gives)")
        return ""
    with localcontext() as exact:
        exact.traps[Inexact] = True
        try:
            value = grade * s.ours / s.out_of
        except Inexact:
            problems.add(export, row, s.moodle, f"{text} out of {number(s.out_of)} has no exact value out of "
                         f"{number(s.ours)}; give Moodle's grade item a scale that divides exactly")
            return ""
    if s.whole and value != value.to_integral_value():
        problems.add(export, row, s.moodle, f"{text} out of {number(s.out_of)} is {number(value)} of "
                     f"{number(s.ours)} correct answers, not a whole number; check the quiz's maximum grade "
                     "and the scale in moodle.yml")
        return ""
    return number(value)


def graded_from_moodle(export: Path, mapping_file: Path, course: Course,
                       answers: AnswerFiles | None = None, words: Interface | None = None) -> Iterator[Graded]:
    """Grade a Moodle export as the score sheet; problems name the export's rows and Moodle's columns."""
    mapping = load_mapping(mapping_file, course)
    text = score_sheet_text(export, mapping, course)
    moodle_column = {s.column: s.moodle for s in mapping.sources if s.moodle}
    moodle_column.update(trainee_id=mapping.trainee_id, name=" + ".join(mapping.name))
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "scores.csv"
        sheet.write_text(text, encoding="utf-8")
        try:
            yield from graded(ScoreSheet(sheet, course), answers, words)
        except CourseError as exc:
            raise CourseError([_in_moodle_terms(p, str(sheet), str(export), moodle_column)
                               for p in exc.problems]) from None


def _in_moodle_terms(problem: str, sheet: str, export: str, moodle_column: dict[str, str]) -> str:
    """A problem found in the translated sheet, told in the export's terms (its rows are the export's rows)."""
    problem = problem.replace(sheet, export)
    return re.sub(r"^([^:]*:\d+: )(\w+): ", lambda m: m.group(1) + moodle_column.get(m.group(2), m.group(2)) + ": ",
                  problem)
