"""The grader in French: reasons, certificates, progress pages and the report, where a trainee reads them.

The French reasons are checked against sentences written here from DESIGN.md's rules, not against
the code's own output; numbers are written the French way (57,5).
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from sheets import row, run, write_sheet

from course.content.ui import load_ui

NBSP = "\u00a0"
CASES = [       # (row, French reason)
    (row("A1"), f"Réussite{NBSP}: les 8 épreuves remises et 100 points (il en faut au moins 60)."),
    (row("A2", group_work=15, essay=(3, 3, 3, 3), bonus=5),
     f"Réussite{NBSP}: les 8 épreuves remises{NBSP}; 57 points plus le bonus de participation de 5 font 62 "
     f"(il en faut au moins 60)."),
    (row("P2", quizzes=(5,) * 6, group_work=20, essay=(4, 4, 4, 4.5), bonus=5),
     f"Participation{NBSP}: les 8 épreuves remises et 51,5 points{NBSP}; la réussite demande 60 points "
     f"(total actuel{NBSP}: 51,5{NBSP}; 56,5 avec le bonus de participation)."),
    (row("P1", essay=None), f"Participation{NBSP}: 7 épreuves remises sur 8 et 60 points{NBSP}; la réussite demande "
                            f"les 8 épreuves (manquent{NBSP}: le devoir final)."),
    (row("N1", quizzes=(2, None, None, None, None, None), group_work=None, essay=None),
     f"Pas de certificat{NBSP}: la participation demande au moins 5 épreuves sur 8 (remises{NBSP}: 1) et 30 points "
     f"(total actuel{NBSP}: 1)."),
    (row("N2", quizzes=(1,) * 6, group_work=10, essay=(1, 1, 1, 1.5)),
     f"Pas de certificat{NBSP}: la participation demande 30 points (total actuel{NBSP}: 17,5)."),
]


def _results(tmp_path, rows, *args):
    scores = write_sheet(tmp_path / "scores.csv", rows)
    result = run("grade", scores, *args)
    assert result.exit_code == 0, result.output
    return {r["trainee_id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}


def test_reasons_in_french_follow_the_rules(tmp_path):
    cases = CASES
    got = _results(tmp_path, [r for r, _ in cases], "--lang", "fr")
    for r, reason in cases:
        assert got[r["trainee_id"]]["reason"] == reason


def test_french_and_english_grade_alike(tmp_path):
    rows = [r for r, _ in CASES]
    en, fr = _results(tmp_path, rows), _results(tmp_path, rows, "--lang", "fr")
    for tid in en:
        assert {k: v for k, v in en[tid].items() if k != "reason"} == {k: v for k, v in fr[tid].items() if k != "reason"}
        assert en[tid]["reason"] != fr[tid]["reason"]


def test_a_language_that_is_not_the_courses_is_an_error_naming_row_and_column(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("A1", language="fr"), row("A2", language="de")])
    result = run("grade", scores)
    assert result.exit_code == 1
    assert "scores.csv:3: language: 'de' is not a language of the course" in result.stderr
    assert "Traceback" not in result.output


def test_certificates_and_progress_pages_are_in_each_trainees_language(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("A1", name="Élodie Ngoué", language="fr"), row("A2", name="Ann Banda", language=""),
        row("P1", name="Łucja Żółć", essay=None, language="FR")])
    assert run("certificates", scores, "-o", tmp_path / "certs").exit_code == 0
    french = (next((tmp_path / "certs").glob("A1-*.html"))).read_text(encoding="utf-8")
    english = (next((tmp_path / "certs").glob("A2-*.html"))).read_text(encoding="utf-8")
    participation = (next((tmp_path / "certs").glob("P1-*.html"))).read_text(encoding="utf-8")
    assert '<html lang="fr">' in french and "<h1>Certificat de réussite</h1>" in french
    assert "Élodie Ngoué" in french and "Nous certifions que" in french and "1 février 2027" in french
    assert '<html lang="en">' in english and "<h1>Certificate of Achievement</h1>" in english
    assert "<h1>Certificat de participation</h1>" in participation and "Łucja Żółć" in participation
    # nothing of the English certificate's own words on the French one
    english_words = load_ui(lang="en").documents
    for key in ("certificate.certify", "certificate.achievement", "certificate.signature"):
        assert english_words[key] not in french

    assert run("progress", scores, "-o", tmp_path / "progress").exit_code == 0
    page = next((tmp_path / "progress").glob("A1-*.html")).read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "Ce qu&#x27;il vous reste à faire" in page
    assert f"Réussite{NBSP}: acquise." in page


def test_the_cohort_report_in_french(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [r for r, _ in CASES])
    assert run("report", scores, "--lang", "fr", "-o", tmp_path / "report.html").exit_code == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "Rapport de cohorte" in page and "Annexe" in page
    text = re.sub(r"<[^>]+>", " ", page)
    for key, english in load_ui(lang="en").documents.items():
        if key.startswith("report.") and len(english) > 12 and "{" not in english:
            assert english not in text, key


@pytest.mark.browser
def test_a_french_certificate_prints_on_one_a4_page_with_its_accents(tmp_path, offline):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("A1", name="Zoë Ouédraogo-Kéïta Nomvula Rakotomalala-Razafindrabe", language="fr")])
    assert run("certificates", scores, "-o", tmp_path / "certs").exit_code == 0
    page = offline.page
    page.goto(next((tmp_path / "certs").glob("A1-*.html")).as_uri())
    assert page.get_by_role("heading", level=1).inner_text() == "Certificat de réussite"
    assert "Zoë Ouédraogo-Kéïta" in page.inner_text("body")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    assert offline.blocked == [] and offline.errors == []


@pytest.mark.parametrize("command, folder, english_headings", [
    ("certificates", "certs", ["Certificates issued", "Trainee ID", "Verification code"]),
    ("progress", "progress", ["Trainees and what they still need", "Trainee ID", "Achievement"])])
def test_the_tutors_index_is_in_the_language_the_command_is_given(tmp_path, command, folder, english_headings):
    scores = write_sheet(tmp_path / "scores.csv", [row("A1", name="Élodie Ngoué"), row("P1", essay=None)])
    for lang in ("fr", "en"):
        out = tmp_path / f"{folder}-{lang}"
        assert run(command, scores, "--lang", lang, "-o", out).exit_code == 0
        page = (out / "index.html").read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", " ", page)
        assert f'<html lang="{lang}">' in page and "Élodie Ngoué" in page
        if lang == "fr":
            assert "Identifiant de participant" in text and "édition" in text
            assert [words for words in english_headings if words in text] == []
            if command == "progress":
                assert f"acquise{NBSP}:" in text
        else:
            assert [words for words in english_headings if words not in text] == []
