"""Properties over random score sheets: never a traceback, and the certificate rules always hold."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sheets import HEADER, results, run, sheet_text

blank = st.none()
quiz = st.one_of(blank, st.integers(0, 10))
points = lambda top: st.one_of(blank, st.integers(0, top * 2).map(lambda n: n / 2),       # noqa: E731
                               st.decimals(0, top, places=2, allow_nan=False, allow_infinity=False))
essay = st.one_of(st.just((None,) * 4), st.tuples(*[points(10).filter(lambda v: v is not None)] * 4))
junk = st.one_of(st.text(max_size=6), st.sampled_from(["-1", "11", "1e3", "NaN", "7.5", "31", "x", "=1+1",
                                                        "10,5", " 5 ", "½", "٣"]))

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20) \
    .filter(lambda s: s.strip() == s and s.strip())


@st.composite
def valid_rows(draw):
    n = draw(st.integers(0, 12))
    rows = []
    for i in range(n):
        cells = {"trainee_id": f"T{i}", "name": draw(names)}
        for q in range(1, 7):
            cells[f"quiz_{q}"] = draw(quiz)
        cells["group_work"] = draw(points(30))
        cells.update(zip(HEADER[9:13], draw(essay)))
        cells["participation_bonus"] = draw(points(10))
        rows.append(cells)
    return rows


@st.composite
def messy_rows(draw):
    rows = draw(valid_rows())
    for r in rows:
        if draw(st.booleans()):
            r[draw(st.sampled_from(HEADER))] = draw(junk)
    return rows


def grade(rows, delimiter=",", encoding="utf-8"):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scores.csv"
        path.write_bytes(sheet_text(rows, delimiter=delimiter).encode(encoding, errors="replace"))
        return run("grade", path)


def base_of(r: dict) -> Decimal:
    return Decimal(r["quiz_points"]) + Decimal(r["group_work_points"]) + Decimal(r["essay_points"])


def check_rules(rows, out):
    got = results(out)
    assert [g["trainee_id"] for g in got] == [r["trainee_id"] for r in rows]     # every trainee in is out
    for r, g in zip(rows, got):
        assert g["name"] in (r["name"], "'" + r["name"])
        base, total, items = base_of(g), Decimal(g["total"]), int(g["completed_items"])
        bonus = Decimal(str(r["participation_bonus"] or 0))
        if g["certificate"] == "achievement":
            assert items == 8 and total >= 60
        if g["bonus_applied"] == "yes":
            assert base < 60 and total == base + bonus >= 60 and g["certificate"] == "achievement"
        else:
            assert total == base
        if g["certificate"] == "participation":
            assert items >= 5 and base >= 30 and not (items == 8 and base + bonus >= 60)
        if g["certificate"] == "none":
            assert not (items >= 5 and base >= 30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_rows(), st.sampled_from([",", ";"]))
def test_valid_sheets_follow_the_rules(rows, delimiter):
    r = grade(rows, delimiter)
    assert r.exit_code == 0, r.stderr
    check_rules(rows, r.stdout)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_rows(), st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_messy_sheets_never_crash(rows, delimiter, encoding):
    r = grade(rows, delimiter, encoding)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output
    assert r.exit_code in (0, 1)
    if r.exit_code == 1:
        assert r.stdout == "" and r.stderr and all(line.startswith("Error: ") for line in r.stderr.splitlines())
    else:
        assert len(results(r.stdout)) == len(rows)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_never_crash(data):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scores.csv"
        path.write_bytes(data)
        r = run("validate", path)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == 1 and all(line.startswith("Error: ") for line in r.stderr.splitlines())


@given(st.text(max_size=30))
def test_csv_text_reads_back_as_written(value):
    """The results writer quotes as csv.writer does: any text reads back intact (neutralised if a formula)."""
    import csv
    import io

    from course.publishing.files import FORMULA_STARTS, csv_text
    line = f"{csv_text(value)},x\r\n"
    [cells] = list(csv.reader(io.StringIO(line, newline="")))
    expected = "'" + value if value.startswith(FORMULA_STARTS) else value
    assert cells == [expected, "x"]


cells = st.one_of(st.text(max_size=12), st.sampled_from(["=1+1", "+T2", "-3", "@SUM(A1)", "\tx", "\rx", 'a"b', "a,b",
                                                          "a\nb", "a\rb", " =1", "'=1", "Nº Gonçalves"]))


@given(st.lists(st.tuples(cells, cells), max_size=5))
def test_results_ids_and_names_are_written_as_csv_writer_writes_them(ids_and_names):
    """write_results decides inline which cells need care: each id and name comes out byte for byte as
    csv.writer writes it, after a formula is neutralised with an apostrophe."""
    import csv
    import io

    from course.grading.gradebook import Graded
    from course.publishing.results import write_results
    from course.publishing.files import FORMULA_STARTS
    from course.grading.rules import score
    from course.grading.scoresheet import Trainee
    from sheets import COURSE

    def written(pairs) -> str:
        grades = []
        for i, (tid, name) in enumerate(pairs):
            trainee = Trainee(i + 2, tid, name, (10,) * 6, 30, (10,) * 4, None)
            grades.append(Graded(trainee, score(trainee, COURSE)))
        out = io.StringIO(newline="")
        write_results(grades, out)
        return out.getvalue()

    header, rest = written([("T", "N")]).split("\r\n", 1)
    tail = rest[len("T,N,"):]           # every trainee here has the same scores: the same end of line
    expected = header + "\r\n"
    for pair in ids_and_names:
        line = io.StringIO(newline="")
        csv.writer(line).writerow(["'" + v if v.startswith(FORMULA_STARTS) else v for v in pair])
        expected += line.getvalue()[:-2] + "," + tail
    assert written(ids_and_names) == expected
