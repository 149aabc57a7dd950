"""Helpers for the grader's tests: write score sheets the way spreadsheets do, run the CLI in-process."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from course.cli import main
from course.content.definition import load_course
from course.grading.scoresheet import sheet_columns

COURSE = load_course()
HEADER = sheet_columns(COURSE)
FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_QUIZZES = FIXTURES / "quizzes"


def row(trainee_id="T1", name="Ann Banda", quizzes=(10, 10, 10, 10, 10, 10), group_work=30,
        essay=(10, 10, 10, 10), bonus=None, **extra) -> dict:
    """One trainee's cells; None is a blank cell."""
    cells = {"trainee_id": trainee_id, "name": name}
    cells.update({f"quiz_{i}": q for i, q in enumerate(quizzes, start=1)})
    cells["group_work"] = group_work
    essay = essay if essay is not None else (None,) * 4
    cells.update(dict(zip(HEADER[9:13], essay)))
    cells["participation_bonus"] = bonus
    cells.update(extra)
    return cells


def sheet_text(rows: list[dict], *, header=None, delimiter=",", decimal_comma=False) -> str:
    header = list(header or HEADER)
    for r in rows:
        header += [k for k in r if k not in header]
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        cells = []
        for h in header:
            v = r.get(h)
            v = "" if v is None else str(v)
            cells.append(v.replace(".", ",") if decimal_comma and h not in ("trainee_id", "name") else v)
        w.writerow(cells)
    return out.getvalue()


def write_sheet(path: Path, rows: list[dict], *, encoding="utf-8", **kw) -> Path:
    path.write_bytes(sheet_text(rows, **kw).encode(encoding))
    return path


def run(*args, env=None):
    """Run `course …` in-process; stdout and stderr kept apart, output as bytes too."""
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=True)


def results(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
