"""Issue 10: no file a tutor has can give a wrong name, a wrong certificate or a lost file without an error."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from sheets import FIXTURE_QUIZZES, HEADER, results, row, run, sheet_text, write_sheet

from course.content.quizzes import ANSWER_FORMAT
from course.publishing.files import MANIFEST


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


# --- 1. Certificates never delete or overwrite a file the grader did not write --------------------------

def test_a_second_run_keeps_the_tutors_own_files_and_refuses(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("A1"), row("A2")])
    out = tmp_path / "certs"
    assert run("certificates", scores, "-o", out).exit_code == 0
    (out / "signed.pdf").write_bytes(b"%PDF signed by the director")
    (out / "scans").mkdir()
    (out / "scans" / "page1.png").write_bytes(b"png")
    before = sorted(p.name for p in out.iterdir())
    r = run("certificates", scores, "-o", out)
    assert r.exit_code == 1 and "signed.pdf" in r.stderr and "scans" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == before
    assert (out / "signed.pdf").read_bytes() == b"%PDF signed by the director"
    assert (out / "scans" / "page1.png").exists()


def test_an_edited_certificate_is_not_overwritten(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("A1")])
    out = tmp_path / "certs"
    assert run("certificates", scores, "-o", out).exit_code == 0
    index = out / "index.html"
    index.write_text("edited by hand", encoding="utf-8")
    r = run("certificates", scores, "-o", out)
    assert r.exit_code == 1 and "index.html" in r.stderr
    assert index.read_text(encoding="utf-8") == "edited by hand"


def test_a_folder_holding_only_the_graders_output_is_replaced(tmp_path):
    out = tmp_path / "certs"
    assert run("certificates", write_sheet(tmp_path / "a.csv", [row("A1"), row("A2")]), "-o", out).exit_code == 0
    assert run("certificates", write_sheet(tmp_path / "b.csv", [row("B1")]), "-o", out).exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 and names[0] == MANIFEST and any(n.startswith("B1-") for n in names)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv", "certs"]     # nothing left over
    written = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert sorted(written) == names[1:]


def test_a_non_empty_folder_without_a_manifest_is_refused(tmp_path):
    out = tmp_path / "certs"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    r = run("certificates", write_sheet(tmp_path / "a.csv", [row("A1")]), "-o", out)
    assert r.exit_code == 1 and (out / "notes.txt").read_text() == "mine"


def test_a_read_only_folder_is_named_not_the_temporary_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    r = run("grade", write_sheet(tmp_path / "a.csv", [row()]), "-o", folder / "results.csv")
    folder.chmod(0o755)
    assert r.exit_code == 1 and f"{folder / 'results.csv'}: cannot write in {folder}" in r.stderr
    assert ".tmp" not in r.stderr


# --- 2, 3, 5. Rows that do not match the header, quotes, a file cut short --------------------------------

def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_an_unquoted_decimal_comma_shifts_the_cells_and_is_an_error(tmp_path):
    text = sheet_text([row("T1"), row("T2", essay=(10, 10, 10, 10), bonus=None)])
    lines = text.split("\r\n")
    lines[2] = lines[2].replace(",30,", ",9,5,", 1)         # group work typed as 9,5 in a comma sheet
    scores = write_text(tmp_path / "scores.csv", "\r\n".join(lines))
    r = run("grade", scores)
    assert r.exit_code == 1 and r.stdout == ""
    assert errors(r.stderr) == [f"Error: {scores}:3: group_work: the row has 15 cells but the header has 14: a "
                                "separator inside a cell or two rows run together shift the cells, so none of this "
                                "row is read. Is 9,5 one number with a decimal comma? Quote it or use a point."]


def test_two_rows_run_together_are_an_error(tmp_path):
    lines = sheet_text([row("T1"), row("T2"), row("T3")]).split("\r\n")
    scores = write_text(tmp_path / "scores.csv", "\r\n".join([lines[0], lines[1] + lines[2], lines[3], ""]))
    r = run("validate", scores)
    assert r.exit_code == 1
    assert len(errors(r.stderr)) == 1 and f"Error: {scores}:2: " in r.stderr
    assert "the row has 27 cells but the header has 14" in r.stderr


@pytest.mark.parametrize("cell", ['"Smith, John', '"late'])
def test_an_unclosed_quote_is_an_error_naming_where_it_opens(tmp_path, cell):
    lines = sheet_text([row("T1"), row("T2"), row("T3"), row("T4")]).split("\r\n")
    lines[2] = lines[2].replace("Ann Banda", cell.lstrip('"'), 1).replace(",", ",", 1)
    lines[2] = lines[2].replace("T2," + cell.lstrip('"'), "T2," + cell, 1)
    scores = write_text(tmp_path / "scores.csv", "\r\n".join(lines))
    r = run("grade", scores)
    assert r.exit_code == 1 and r.stdout == ""
    assert f"Error: {scores}:3: name: a quote opens in this cell and is never closed" in r.stderr


def test_a_file_cut_short_in_its_last_row_is_an_error(tmp_path):
    text = sheet_text([row("T1"), row("T2", bonus=5)])
    scores = write_text(tmp_path / "scores.csv", text[:text.rindex(",30,")])       # cut in the middle of row 3
    r = run("validate", scores)
    assert r.exit_code == 1
    assert f"{scores}:3: " in r.stderr and "The file ends here: it may have been cut short." in r.stderr


def test_a_last_row_without_a_line_break_is_an_error(tmp_path):
    text = sheet_text([row("T1"), row("T2", bonus=5)])
    scores = write_text(tmp_path / "scores.csv", text.rstrip("\r\n")[:-1])       # bonus 5 cut to nothing…
    r = run("validate", scores)
    assert r.exit_code == 1 and f"{scores}:3: the file ends without a line break after this row" in r.stderr


# --- 4. Encodings ------------------------------------------------------------------------------------------

def test_mac_roman_with_cr_line_ends_is_refused_or_read_right_never_mangled(tmp_path):
    text = sheet_text([row("T1", name="Élodie Ngoué"), row("T2", name="Jérôme Dupré")]).replace("\r\n", "\r")
    scores = write_text(tmp_path / "scores.csv", text, "mac_roman")
    r = run("grade", scores)
    assert "ƒlodie" not in r.output and "NgouŽ" not in r.output
    if r.exit_code == 1:
        assert "--encoding" in r.stderr and "mac-roman" in r.stderr
    r = run("grade", scores, "--encoding", "mac-roman")
    assert r.exit_code == 0, r.stderr
    assert [t["name"] for t in results(r.stdout)] == ["Élodie Ngoué", "Jérôme Dupré"]
    assert "(mac-roman, comma-separated)" in r.stderr


def test_a_windows_1250_sheet_is_refused_with_the_readings_side_by_side(tmp_path):
    scores = write_text(tmp_path / "scores.csv", sheet_text([row("T1", name="Łucja Żółć")]), "cp1250")
    r = run("grade", scores)
    assert r.exit_code == 1 and r.stdout == ""
    assert "cannot be told for sure" in r.stderr and "Łucja Żółć" in r.stderr and "--encoding cp1250" in r.stderr
    r = run("grade", scores, "--encoding", "cp1250")
    assert r.exit_code == 0 and results(r.stdout)[0]["name"] == "Łucja Żółć"


def test_one_row_pasted_from_a_windows_file_into_a_utf8_sheet_is_named(tmp_path):
    data = (sheet_text([row("T1", name="Zoë Ouédraogo")]).encode("utf-8")
            + sheet_text([row("T2", name="Renée Côté")]).split("\r\n", 1)[1].encode("cp1252")
            + sheet_text([row("T3", name="Łucja Żółć")]).split("\r\n", 1)[1].encode("utf-8"))
    scores = tmp_path / "scores.csv"
    scores.write_bytes(data)
    r = run("grade", scores)
    assert r.exit_code == 1 and r.stdout == ""
    assert errors(r.stderr) == [f"Error: {scores}:3: name: has bytes that are not UTF-8 (0xE9 0xF4 0xE9): this row "
                                "was probably pasted from a file saved in another encoding; type its accented "
                                "letters again, or give --encoding"]


@pytest.mark.parametrize("delimiter, name", [(";", "semicolon"), ("\t", "tab")])
def test_delimiter_can_be_given_and_the_summary_names_what_was_read(tmp_path, delimiter, name):
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", group_work=17.5)], delimiter=delimiter,
                         decimal_comma=True)
    r = run("grade", scores, "--delimiter", "tab" if delimiter == "\t" else delimiter)
    assert r.exit_code == 0 and results(r.stdout)[0]["group_work_points"] == "17.5"
    assert f"Graded 1 trainee from {scores} (UTF-8, {name}-separated):" in r.stderr


# --- 6. Every problem in one pass --------------------------------------------------------------------------

def test_a_duplicate_id_is_reported_with_the_error_on_its_first_row(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", group_work=31), row("T1")])
    r = run("validate", scores)
    assert errors(r.stderr) == [f"Error: {scores}:2: group_work: 31 is out of range (points, 0 to 30)",
                                f"Error: {scores}:3: trainee_id: duplicate trainee_id 'T1' (also on row 2)"]


# --- 7. Answer files ---------------------------------------------------------------------------------------

def answer_file(path: Path, trainee_id: str, **override) -> Path:
    from course.content.quizzes import load_quiz_bank
    quiz = load_quiz_bank(FIXTURE_QUIZZES).quiz("week-1")
    data = {"format": ANSWER_FORMAT, "version": 1, "quiz": "week-1", "edition": quiz.edition,
            "trainee_id": trainee_id, "name": "", "answers": {q.id: q.answer for q in quiz.questions}}
    data.update(override)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def grade_with_answers(tmp_path, answers: Path):
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", quizzes=(None, 10, 10, 10, 10, 10))])
    return run("grade", scores, "--answers", answers, "--quizzes", FIXTURE_QUIZZES)


def test_answer_files_in_a_linked_folder_are_read(tmp_path):
    elsewhere = tmp_path / "shared-drive" / "week-1"
    answer_file(elsewhere / "t1.json", "T1")
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "week-1").symlink_to(elsewhere, target_is_directory=True)
    (answers / "loop").symlink_to(answers, target_is_directory=True)        # a link back up does not loop
    r = grade_with_answers(tmp_path, answers)
    assert r.exit_code == 0, r.stderr
    assert results(r.stdout)[0]["quiz_points"] == "30"


def test_an_answer_file_a_thousand_folders_deep_is_read_without_a_traceback(tmp_path):
    answers = tmp_path / "answers"
    answers.mkdir()
    here = os.getcwd()
    os.chdir(answers)
    try:                # one level at a time: os.makedirs itself recurses
        for _ in range(1000):
            os.mkdir("d")
            os.chdir("d")
        deepest = Path.cwd()
        answer_file(deepest / "t1.json", "T1")
    finally:
        os.chdir(here)
    r = grade_with_answers(tmp_path, answers)
    (deepest / "t1.json").unlink()         # removed level by level: pytest's clean-up would recurse
    for folder in [deepest, *deepest.parents][:1000]:
        folder.rmdir()
    assert "Traceback" not in r.output and r.exit_code == 0, r.stderr[-500:]


def test_version_true_is_not_version_1(tmp_path):
    answers = tmp_path / "answers"
    path = answer_file(answers / "t1.json", "T1", version=True)
    r = grade_with_answers(tmp_path, answers)
    assert r.exit_code == 1 and f"{path}: answer file version True is not supported" in r.stderr


def test_a_flood_of_unknown_ids_is_summarised(tmp_path):
    answers = tmp_path / "answers"
    path = answer_file(answers / "t1.json", "T1", answers={f"q{i}": "a" for i in range(100_000)})
    r = grade_with_answers(tmp_path, answers)
    assert r.exit_code == 1
    lines = errors(r.stderr)
    assert len(lines) <= 10
    assert f"Error: {path}: answers: 99,995 more answers like these; 100,000 answers in all for 10 questions" in r.stderr


# --- 8. Helpful messages -----------------------------------------------------------------------------------

def test_a_sep_line_is_read_as_excel_reads_it(tmp_path):
    scores = write_text(tmp_path / "scores.csv", "sep=;\r\n" + sheet_text([row("T1", group_work=17.5)],
                                                                          delimiter=";", decimal_comma=True))
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    assert results(r.stdout)[0]["group_work_points"] == "17.5"
    assert "(UTF-8, semicolon-separated (from its sep= line))" in r.stderr


def test_title_rows_above_the_header_are_named(tmp_path):
    scores = write_text(tmp_path / "scores.csv", "Labour migration course 2026,,\r\nScores,,\r\n,,\r\n"
                        + sheet_text([row("T1")]))
    r = run("validate", scores)
    assert errors(r.stderr) == [f"Error: {scores}:4: the header (trainee_id, name, …) is on row 4, not on row 1: "
                                "delete the title rows above it, so that the header is the first row"]


def test_a_moodle_gradebook_export_is_recognised_and_the_guide_named(tmp_path, site):
    header = ["First name", "Last name", "ID number", "Institution", "Department", "Email address",
              "Quiz: Week 1 quiz (Real)", "Course total (Real)", "Last downloaded from this course"]
    scores = write_text(tmp_path / "grades.csv", ",".join(header) + "\r\nAnn,Banda,T1,,,ann@example.org,5.00,5.00,"
                        "1764470000\r\n")
    r = run("validate", scores)
    assert len(errors(r.stderr)) == 1 and "looks like a Moodle gradebook export" in r.stderr
    assert 'section "From a Moodle gradebook"' in r.stderr
    page = (site / "tutors.html").read_text(encoding="utf-8")
    assert 'id="from-a-moodle-gradebook"' in page


def test_a_folder_as_input_exits_1(tmp_path):
    r = run("grade", tmp_path)
    assert r.exit_code == 1 and "is a folder" in r.stderr


def test_one_trainee_is_one_trainee(tmp_path):
    r = run("grade", write_sheet(tmp_path / "scores.csv", [row("T1")]))
    assert "Graded 1 trainee from" in r.stderr
    r = run("certificates", write_sheet(tmp_path / "scores.csv", [row("T1")]), "-o", tmp_path / "c")
    assert "1 certificate written" in r.stderr


# --- Workbooks: .xlsx and .ods as they are -------------------------------------------------------------

def write_xlsx(path: Path, rows: list[list], sheet: str = "Sheet1", first_sheet: str | None = None) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    if first_sheet:
        book.add_worksheet(first_sheet).write_string(0, 0, "notes")
    ws = book.add_worksheet(sheet)
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), dates)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    book.close()
    return path


def write_ods(path: Path, rows: list[list]) -> Path:
    """A minimal OpenDocument spreadsheet, typed cells as LibreOffice writes them."""
    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, str):
            return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Scores">'
               f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)
    return path


def cells(r: dict) -> list:
    return [r.get(h) for h in HEADER]


def test_an_xlsx_sheet_is_graded_with_its_cell_types_and_exact_names(tmp_path):
    rows = [HEADER, cells(row(1234, name="Zoë Ouédraogo-Kéïta ", group_work=17.5)), cells(row("T2", name="Łucja Żółć"))]
    scores = write_xlsx(tmp_path / "scores.xlsx", rows, first_sheet="Notes", sheet="Scores")
    r = run("grade", scores, "--sheet", "Scores")
    assert r.exit_code == 0, r.stderr
    got = results(r.stdout)
    assert [(g["trainee_id"], g["name"], g["group_work_points"]) for g in got] == [
        ("1234", "Zoë Ouédraogo-Kéïta", "17.5"), ("T2", "Łucja Żółć", "30")]
    assert f"Graded 2 trainees from {scores}:Scores (sheet Scores):" in r.stderr
    r = run("grade", scores)                    # the first sheet is the notes
    assert r.exit_code == 1 and f"{scores}:Notes:1: no header found" in r.stderr


def test_a_date_in_a_score_cell_is_an_error_with_sheet_row_and_column(tmp_path):
    rows = [HEADER, cells(row("T1")), cells(row("T2", group_work=dt.date(2026, 5, 7)))]
    scores = write_xlsx(tmp_path / "scores.xlsx", rows)
    r = run("validate", scores)
    assert errors(r.stderr) == [f"Error: {scores}:Sheet1:3: group_work: 2026-05-07 is a date, not a number "
                                "(expected points, 0 to 30); the spreadsheet may have turned what was typed into a "
                                "date: format the column as Number and type it again"]


def test_an_ods_sheet_is_graded(tmp_path):
    scores = write_ods(tmp_path / "scores.ods", [HEADER, cells(row("T1", name="Élodie Ngoué", group_work=22.5))])
    r = run("grade", scores)
    assert r.exit_code == 0, r.stderr
    assert [(g["name"], g["group_work_points"]) for g in results(r.stdout)] == [("Élodie Ngoué", "22.5")]


def test_results_as_xlsx_keep_texts_as_texts(tmp_path):
    from python_calamine import CalamineWorkbook

    scores = write_sheet(tmp_path / "scores.csv", [row("=1+1", name="@Ann"), row("T2", essay=None)])
    out = tmp_path / "results.xlsx"
    r = run("grade", scores, "-o", out)
    assert r.exit_code == 0, r.stderr
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Results").to_python()
    assert sheet[0][:3] == ["trainee_id", "name", "quiz_points"]
    assert sheet[1][:3] == ["=1+1", "@Ann", 30.0] and sheet[1][8] == "achievement"
    assert sheet[2][8] == "participation" and sheet[2][4] == 0.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.xlsx", "scores.csv"]
