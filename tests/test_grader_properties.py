"""Random score sheets graded by the grader and by an oracle written from DESIGN.md must agree.

The oracle is the certificate rules as DESIGN.md states them ("Certificate rules"), with its numbers
typed in: 0.5 points per correct answer, 8 items, Achievement at all 8 items and 60 points, the bonus
only when needed, Participation at 5 items and 30 points. It does not read course.yml or the code, so a
rule or threshold changed in either makes these tests fail.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheets import HEADER, results, run, sheet_text


def oracle(quizzes, group_work, essay, bonus):
    """DESIGN.md's rules: (quiz points, items, bonus applied, total, certificate)."""
    quiz_points = sum(Decimal(c) / 2 for c in quizzes if c is not None)
    items = sum(c is not None for c in quizzes) + (group_work is not None) + (essay is not None)
    base = quiz_points + (group_work or 0) + (sum(essay) if essay else 0)
    if items == 8 and base >= 60:
        return quiz_points, items, False, base, "achievement"
    if items == 8 and base + (bonus or 0) >= 60:
        return quiz_points, items, True, base + bonus, "achievement"
    if items >= 5 and base >= 30:
        return quiz_points, items, False, base, "participation"
    return quiz_points, items, False, base, "none"


blank = st.none()
quiz = st.one_of(blank, st.integers(0, 10))


def points(top: int):
    return st.one_of(blank, st.integers(0, top * 4).map(lambda n: Decimal(n) / 4),
                     st.decimals(0, top, places=2, allow_nan=False, allow_infinity=False))


scored = st.one_of(st.integers(0, 40).map(lambda n: Decimal(n) / 4),
                   st.decimals(0, 10, places=2, allow_nan=False, allow_infinity=False))
essay = st.one_of(st.none(), st.tuples(*[scored] * 4))
letter = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs"),
                       exclude_characters="=+-@")       # a formula start would come back neutralised
names = st.builds(lambda first, middle, last: first + middle + last, letter,
                  st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=18),
                  letter)


@st.composite
def trainees(draw):
    """(cells for the sheet, the same trainee as the oracle sees it)."""
    n = draw(st.integers(1, 25))
    rows = []
    for i in range(n):
        qs = [draw(quiz) for _ in range(6)]
        gw, es, bonus = draw(points(30)), draw(essay), draw(points(10))
        # Scores near the thresholds, where a wrong rule shows: base 59.5 / 60, 29.5 / 30, bonus just enough.
        cells = {"trainee_id": f"T{i}", "name": draw(names)}
        cells.update({f"quiz_{q + 1}": v for q, v in enumerate(qs)})
        cells["group_work"] = gw
        cells.update(zip(HEADER[9:13], es or (None,) * 4))
        cells["participation_bonus"] = bonus
        rows.append((cells, (qs, gw, es, bonus)))
    return rows


near_achievement = st.builds(lambda q, gw, e: ([10, 10, 10, 10, 10, q], gw, e, Decimal("0.5")),
                             st.sampled_from([9, 10]), st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(1)]),
                             st.sampled_from([(Decimal("9.5"),) * 4, (Decimal("7.25"),) * 4]))
# Three quizzes (15 points) and the group work: with the essay scored 0, 5 items and 29.5, 30 or 30.5 points.
near_participation = st.builds(lambda gw, e: ([10, 10, 10, None, None, None], gw, e, None),
                               st.sampled_from([Decimal("14.5"), Decimal(15), Decimal("15.5")]),
                               st.sampled_from([(Decimal(0),) * 4, None]))
near = st.one_of(near_achievement, near_participation)


def graded(rows: list[dict]) -> list[dict]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scores.csv"
        path.write_bytes(sheet_text(rows).encode("utf-8"))
        r = run("grade", path)
    assert r.exit_code == 0, r.stderr
    return results(r.stdout)


def agree(sheet_rows: list[dict], seen_by_oracle: list[tuple]) -> None:
    got = graded(sheet_rows)
    assert [g["trainee_id"] for g in got] == [r["trainee_id"] for r in sheet_rows]
    for cells, g, trainee in zip(sheet_rows, got, seen_by_oracle):
        quiz_points, items, bonus_applied, total, certificate = oracle(*trainee)
        assert g["name"] == cells["name"]
        assert (Decimal(g["quiz_points"]), int(g["completed_items"]), g["bonus_applied"] == "yes",
                Decimal(g["total"]), g["certificate"]) == (quiz_points, items, bonus_applied, total, certificate), \
            (cells, g)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trainees())
def test_random_sheets_agree_with_the_oracle(rows):
    agree([cells for cells, _ in rows], [t for _, t in rows])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(near, min_size=1, max_size=10))
def test_trainees_at_the_thresholds_agree_with_the_oracle(near_rows):
    sheet_rows = []
    for i, (qs, gw, es, bonus) in enumerate(near_rows):
        cells = {"trainee_id": f"T{i}", "name": "Ann"}
        cells.update({f"quiz_{q + 1}": v for q, v in enumerate(qs)})
        cells.update({"group_work": gw, "participation_bonus": bonus})
        cells.update(zip(HEADER[9:13], es or (None,) * 4))
        sheet_rows.append(cells)
    agree(sheet_rows, near_rows)


junk = st.one_of(st.text(max_size=6), st.sampled_from(["-1", "11", "1e3", "NaN", "7.5", "31", "x", "=1+1",
                                                        "10,5", " 5 ", "½", "٣", '"', '"late']))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trainees(), st.data())
def test_a_damaged_sheet_is_graded_right_or_refused_never_half(rows, data):
    """Junk in random cells: either every trainee agrees with the oracle, or nothing is written."""
    sheet_rows = [dict(cells) for cells, _ in rows]
    damaged = set()
    for i, cells in enumerate(sheet_rows):
        if data.draw(st.booleans()):
            cells[data.draw(st.sampled_from(HEADER))] = data.draw(junk)
            damaged.add(i)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scores.csv"
        path.write_bytes(sheet_text(sheet_rows).encode("utf-8"))
        r = run("grade", path)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    if r.exit_code == 1:
        assert r.stdout == "" and all(line.startswith("Error: ") for line in r.stderr.splitlines())
        return
    assert r.exit_code == 0, r.stderr
    clean = [i for i in range(len(rows)) if i not in damaged]
    got = {g["trainee_id"]: g for g in results(r.stdout)}
    for i in clean:
        cells, trainee = rows[i]
        if got.get(cells["trainee_id"]) is not None and sheet_rows[i] == cells:
            _, items, _, total, certificate = oracle(*trainee)
            g = got[cells["trainee_id"]]
            assert (int(g["completed_items"]), Decimal(g["total"]), g["certificate"]) == (items, total, certificate)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_never_crash(data):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "scores.csv"
        path.write_bytes(data)
        r = run("validate", path)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == 1 and all(line.startswith("Error: ") for line in r.stderr.splitlines())


cell_texts = st.one_of(st.text(max_size=12), st.sampled_from(["=1+1", "+T2", "-3", "@SUM(A1)", "\tx", "\rx", 'a"b',
                                                               "a,b", "a\nb", "a\rb", " =1", "'=1", "Nº Gonçalves"]))


@settings(deadline=None)
@given(st.lists(st.tuples(cell_texts, cell_texts), max_size=5))
def test_ids_and_names_read_back_as_written_formulas_neutralised(ids_and_names):
    import csv
    import io

    from sheets import COURSE

    from course.grading.gradebook import Graded
    from course.grading.rules import Rules, decide
    from course.grading.scoresheet import Trainee
    from course.publishing.files import FORMULA_STARTS
    from course.publishing.results import write_results_csv

    grades = []
    for i, (tid, name) in enumerate(ids_and_names):
        trainee = Trainee(i + 2, tid, name, (10,) * 6, Decimal(30), (Decimal(10),) * 4, None)
        grades.append(Graded(trainee, decide(trainee, Rules.of(COURSE))))
    out = io.StringIO(newline="")
    write_results_csv(grades, out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))[1:]
    assert [r[:2] for r in rows] == [["'" + v if v.startswith(FORMULA_STARTS) else v for v in pair]
                                     for pair in ids_and_names]
