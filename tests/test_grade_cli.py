"""`course grade` and `course validate`: tolerant input, every problem listed, nothing written on error."""

from __future__ import annotations

import os

import pytest
from sheets import FIXTURES, HEADER, results, row, run, sheet_text, write_sheet

NAMES = ["Amélie Rakotomalala", "João Gonçalves", "Zoë Ouédraogo-Kéïta", "Łucja Nowak"]
RESULT_HEADER = ("trainee_id,name,quiz_points,group_work_points,essay_points,completed_items,bonus_applied,"
                 "total,certificate,reason")


def test_results_columns_and_values(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("T1", quizzes=(10, 10, 10, 10, 10, 5), group_work=20, essay=(5, 5, 2.5, 5)),   # 27.5+20+17.5 = 65
        row("T2", quizzes=(10,) * 6, group_work=10, essay=(3, 3, 3, 3), bonus=8),         # 52 + 8
        row("T3", quizzes=(10, 10, 10, 10, 10, None), group_work=30, essay=None),         # 55, 6 items
        row("T4", quizzes=(None,) * 6, group_work=None, essay=None)])
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == RESULT_HEADER
    got = {x["trainee_id"]: x for x in results(r.stdout)}
    assert [got["T1"][k] for k in ("quiz_points", "group_work_points", "essay_points", "completed_items",
                                    "bonus_applied", "total", "certificate")] == \
        ["27.5", "20", "17.5", "8", "no", "65", "achievement"]
    assert [got["T2"][k] for k in ("bonus_applied", "total", "certificate")] == ["yes", "60", "achievement"]
    assert [got["T3"][k] for k in ("completed_items", "total", "certificate")] == ["6", "55", "participation"]
    assert [got["T4"][k] for k in ("completed_items", "bonus_applied", "total", "certificate")] == \
        ["0", "no", "0", "none"]
    assert "Certificate of Achievement:" in r.stderr and "2 (1 with the participation bonus)" in r.stderr


def test_output_file_has_a_bom_and_stdout_has_none(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", name=NAMES[0])])
    out = tmp_path / "results.csv"
    r = run("grade", scores, "-o", out)
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + RESULT_HEADER.encode() + b"\r\n")
    assert r.stdout == "" and "Results written to" in r.stderr
    r = run("grade", scores)
    assert r.stdout_bytes.startswith(RESULT_HEADER.encode())
    assert data[3:] == r.stdout_bytes


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_separators_keep_accented_names(tmp_path, encoding, delimiter):
    names = NAMES[:3] if encoding == "cp1252" else NAMES      # Ł is not in Windows-1252
    rows = [row(f"T{i}", name=n, group_work=17.5) for i, n in enumerate(names)]
    scores = write_sheet(tmp_path / "scores.csv", rows, encoding=encoding, delimiter=delimiter,
                         decimal_comma=delimiter != ",")
    out = tmp_path / "results.csv"
    r = run("grade", scores, "-o", out, *(["--encoding", encoding] if encoding == "cp1252" else []))
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    for n in names:
        assert b"," + n.encode("utf-8") + b"," in data          # byte for byte, as UTF-8
    got = results(data.decode("utf-8"))
    assert [g["name"] for g in got] == names
    assert {g["group_work_points"] for g in got} == {"17.5"}


def test_decimal_comma_in_a_comma_separated_file(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row(group_work="12,5", essay=("7,5", "7", "7.0", 8))])
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    got = results(r.stdout)[0]
    assert (got["group_work_points"], got["essay_points"]) == ("12.5", "29.5")


def test_quiz_written_as_7_0_is_7(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row(quizzes=("7.0", "7,0", 7, 7, 7, 7))])
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    assert results(r.stdout)[0]["quiz_points"] == "21"


def test_excel_trailing_empty_rows_and_columns_and_extra_columns(tmp_path):
    text = sheet_text([row("T1", notes="=HYPERLINK(...)", email="a@b.org"), row("T2")],
                      header=HEADER + ["notes", "email", "", ""])
    text += ",,,,,,,,,,,,,,,,,,\r\n" * 3 + "\r\n"
    scores = tmp_path / "scores.csv"
    scores.write_text(text, encoding="utf-8-sig", newline="")
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    assert [x["trainee_id"] for x in results(r.stdout)] == ["T1", "T2"]
    assert "notes" not in r.stdout.splitlines()[0]


def test_the_2022_fixture_grades(tmp_path):
    r = run("grade", FIXTURES / "cohort-2022.csv")
    assert r.exit_code == 0, r.stderr
    assert len(results(r.stdout)) == 42


def bad_rows():
    return [row("T1"),
            row("T2", quizzes=("seven", 10, 10, 10, 10, 10)),       # row 3
            row("T1", name="Twice"),                                 # row 4
            row("T4", group_work=31),                                # row 5
            row("T5", quizzes=(-1, 10, 10, 10, 10, 11)),             # row 6
            row("T6", essay=(10, "ten", None, None)),                # row 7
            row("T7", quizzes=(7.5, 10, 10, 10, 10, 10)),            # row 8
            row("", name=""),                                        # row 9
            row("T9", bonus="10.5", group_work="1e1")]               # row 10


EXPECTED = ["scores.csv:3: quiz_1: 'seven' is not a number",
            "scores.csv:4: trainee_id: duplicate trainee_id 'T1' (also on row 2)",
            "scores.csv:5: group_work: 31 is out of range (points, 0 to 30)",
            "scores.csv:6: quiz_1: -1 is out of range",
            "scores.csv:6: quiz_6: 11 is out of range",
            "scores.csv:7: essay_alignment: 'ten' is not a number",
            "scores.csv:7: essay_coherence: half-scored essay: 2 of 4 criteria scored",
            "scores.csv:8: quiz_1: '7.5' is not a whole number",
            "scores.csv:9: trainee_id: is blank",
            "scores.csv:9: name: is blank",
            "scores.csv:10: group_work: '1e1' is not a number",
            "scores.csv:10: participation_bonus: 10.5 is out of range (points, 0 to 10)"]


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


@pytest.mark.parametrize("command", ["grade", "validate", "report", "certificates"])
def test_every_problem_is_listed_and_nothing_is_written(tmp_path, command):
    os.chdir(tmp_path)              # relative paths, as a tutor types them
    write_sheet(tmp_path / "scores.csv", bad_rows())
    out = {"grade": "results.csv", "report": "report.html", "certificates": "certs"}.get(command)
    r = run(command, "scores.csv", *(["-o", out] if out else []))
    assert r.exit_code == 1
    assert "Traceback" not in r.output and r.stdout == ""
    errors = _errors(r.stderr)
    assert len(errors) == len(EXPECTED), r.stderr
    for line, expected in zip(errors, EXPECTED):
        assert line.startswith("Error: " + expected), (line, expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.csv"]     # no output, no temporary file


def test_an_existing_output_is_untouched_on_error(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", bad_rows())
    out = tmp_path / "results.csv"
    out.write_bytes(b"yesterday's results\n")
    assert run("grade", scores, "-o", out).exit_code == 1
    assert out.read_bytes() == b"yesterday's results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv", "scores.csv"]


def test_an_existing_output_is_replaced_on_success(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row()])
    out = tmp_path / "results.csv"
    out.write_text("old")
    assert run("grade", scores, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith("trainee_id,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv", "scores.csv"]


def test_the_input_is_never_overwritten(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row()])
    before = scores.read_bytes()
    r = run("grade", scores, "-o", scores)
    assert r.exit_code == 1 and "never overwrites its input" in r.stderr
    assert scores.read_bytes() == before


def test_missing_and_unknown_columns(tmp_path):
    header = [h for h in HEADER if h not in ("quiz_3", "essay_gender")] + ["quiz_7", "Essay_gender", "country"]
    scores = tmp_path / "scores.csv"
    scores.write_text(",".join(header) + "\nT1,Ann\n", encoding="utf-8")
    r = run("validate", scores)
    assert r.exit_code == 1
    errors = _errors(r.stderr)
    assert f"Error: {scores}:1: quiz_7: unknown column" in "\n".join(errors)
    assert f"Error: {scores}:1: quiz_3: required column is missing" in errors
    assert (f"Error: {scores}:1: essay_gender: required column is missing (found 'Essay_gender': "
            "names are case-sensitive)") in errors
    assert not any("country" in e for e in errors)
    assert len(errors) == 3


def test_unreadable_inputs_are_clean_errors(tmp_path):
    r = run("validate", tmp_path / "nope.csv")
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {tmp_path / 'nope.csv'}: ")
    binary = tmp_path / "scores.csv"
    binary.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)
    r = run("validate", binary)
    assert r.exit_code == 1 and r.stderr.startswith(f"Error: {binary}")
    utf16 = tmp_path / "u16.csv"        # Excel's "Unicode text": its byte-order mark says what it is
    utf16.write_text(sheet_text([row()]), encoding="utf-16")
    r = run("validate", utf16)
    assert r.exit_code == 0 and "(UTF-16, comma-separated)" in r.stdout
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    r = run("validate", empty)
    assert r.exit_code == 1 and "header" in r.stderr
    for result in (r,):
        assert "Traceback" not in result.output


def test_validate_ok_is_one_line(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("T1"), row("T2")])
    r = run("validate", scores)
    assert r.exit_code == 0
    assert r.stdout.strip().splitlines() == [f"OK: {scores} (UTF-8, comma-separated): 2 trainees, no problems found"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.csv"]


def test_csv_injection_is_neutralised(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("=1+1", name="=HYPERLINK(\"http://x\",\"click\")"), row("+T2", name="@SUM(A1)"),
        row("-T3", name="-2+3"), row("T4", name="Plain Name")])
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    got = results(r.stdout)
    assert [g["trainee_id"] for g in got] == ["'=1+1", "'+T2", "'-T3", "T4"]
    assert [g["name"] for g in got] == ["'=HYPERLINK(\"http://x\",\"click\")", "'@SUM(A1)", "'-2+3", "Plain Name"]


def test_python_m_course_works(tmp_path):
    import subprocess
    import sys
    scores = write_sheet(tmp_path / "scores.csv", [row()])
    p = subprocess.run([sys.executable, "-m", "course", "validate", str(scores)], capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.startswith("OK: ")
    p = subprocess.run([sys.executable, "-m", "course", "grade", str(tmp_path / "missing.csv")],
                       capture_output=True, text=True)
    assert p.returncode == 1 and p.stderr.startswith("Error: ") and "Traceback" not in p.stderr


def test_cycle_collection_is_back_on_after_grading_even_on_bad_input(tmp_path):
    import gc

    good = write_sheet(tmp_path / "good.csv", [row("T1"), row("T2")])
    bad = write_sheet(tmp_path / "bad.csv", [row("T1"), row("T1")])
    assert gc.isenabled()
    assert run("grade", good).exit_code == 0
    assert gc.isenabled()
    assert run("grade", bad).exit_code == 1
    assert gc.isenabled()
