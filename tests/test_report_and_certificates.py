"""`course report` and `course certificates`: the 2022 figures reproduced, accessible, escaped, atomic."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sheets import COURSE, FIXTURES, row, run, write_sheet

from course.publishing.files import MANIFEST
from course.publishing.verification import centre_secret, verification_code, verify

COHORT_2022 = FIXTURES / "cohort-2022.csv"


def report_of(tmp_path, scores=COHORT_2022) -> BeautifulSoup:
    out = tmp_path / "report.html"
    r = run("report", scores, "-o", out)
    assert r.exit_code == 0, r.stderr
    return BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")


def table(soup, caption: str) -> dict[str, list[str]]:
    t = next(t for t in soup.find_all("table") if t.caption.get_text() == caption)
    return {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")] for tr in t.tbody.find_all("tr")}


def test_report_reproduces_the_2022_learning_analytics(tmp_path):
    """003, "Learning analytics": 55/21/17/7 %, 22.07/30 with 21 above, 34 in group work, 23 essays."""
    soup = report_of(tmp_path)
    bands = table(soup, "Engagement bands")
    assert {k: v[1:] for k, v in bands.items()} == {
        "Fully engaged": ["23", "55 %"], "At least half": ["9", "21 %"], "Some": ["7", "17 %"],
        "Never engaged": ["3", "7 %"]}
    text = soup.get_text(" ", strip=True)
    assert "42 participants" in text
    assert "The average quiz score was 22.07/30 over the 35 participants who submitted at least one quiz; " \
           "21 scored above the average." in text
    items = table(soup, "Group work and final essay")
    assert items["Took part in the group work"][0] == "34"
    assert items["Submitted the final essay"][0] == "23"
    certs = table(soup, "Certificates by type")
    assert sum(int(v[0]) for v in certs.values()) == 42
    quizzes = table(soup, "Average score per quiz, over the participants who submitted it")
    assert list(quizzes) == [f"Quiz {n}" for n in range(1, 7)] and quizzes["Quiz 1"][0] == "35"


def test_report_is_accessible_and_self_contained(tmp_path):
    soup = report_of(tmp_path)
    html = str(soup)
    assert soup.html["lang"] == "en" and soup.title.get_text().startswith("Cohort report")
    assert len(soup.find_all("h1")) == 1
    for t in soup.find_all("table"):
        assert t.caption and t.thead.find_all("th", scope="col")
    charts = soup.find_all("svg")
    assert len(charts) == 2
    for svg in charts:
        assert svg["role"] == "img"
        ids = svg["aria-labelledby"].split()
        assert [soup.find(id=i).name for i in ids] == ["title", "desc"]
    assert "23 (55 %)" in soup.find(id="chart-engagement-d").get_text()
    assert not re.search(r"(src|href)=|url\(|@import|<script|https?:", html), "the report must make no request"


def test_report_preserves_accented_names_and_escapes_markup(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", name="Zoë Ouédraogo-Kéïta"),
                                                   row("T2", name="<script>alert(1)</script> & Co")],
                         encoding="cp1252")
    out = tmp_path / "report.html"
    assert run("report", scores, "-o", out, "--encoding", "cp1252").exit_code == 0
    data = out.read_bytes()
    assert "Zoë Ouédraogo-Kéïta".encode() in data
    assert b"<script>" not in data and b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in data


def test_report_of_an_empty_cohort(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [])
    soup = report_of(tmp_path, scores)
    assert "No participant submitted a quiz." in soup.get_text()


def test_certificates_for_eligible_trainees_only(tmp_path, tutor_config):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("A1", name="Zoë Ouédraogo-Kéïta"),                          # achievement
        row("P/2", name="<script>alert(1)</script>", essay=None),       # participation (7 items, 60)
        row("N3", name="Nobody", quizzes=(None,) * 6, essay=None)])     # none
    out = tmp_path / "certs"
    r = run("certificates", scores, "-o", out)
    assert r.exit_code == 0, r.stderr
    files = sorted(p.name for p in out.iterdir())
    secret = centre_secret(tutor_config, create=False)          # made by the first `course certificates`
    code_a = verification_code(secret, COURSE.edition.id, "achievement", "Zoë Ouédraogo-Kéïta")
    code_p = verification_code(secret, COURSE.edition.id, "participation", "<script>alert(1)</script>")
    assert files == sorted([MANIFEST, "index.html", f"A1-{code_a}.html", f"P_2-{code_p}.html"])
    assert re.fullmatch(rf"{COURSE.edition.id}-A(-[A-Z2-7]{{4}}){{4}}", code_a)
    a = (out / f"A1-{code_a}.html").read_bytes()
    assert "Zoë Ouédraogo-Kéïta".encode() in a and b"Certificate of Achievement" in a and code_a.encode() in a
    assert COURSE.title.encode() in a and b"60 hours" in a
    start, end = COURSE.edition.start, COURSE.edition.end
    assert f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}".encode() in a
    assert b"@page{size:A4 landscape" in a
    p = (out / f"P_2-{code_p}.html").read_text(encoding="utf-8")
    assert "Certificate of Participation" in p and "<script>" not in p and "&lt;script&gt;" in p
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in index.find_all("a")] == [f"A1-{code_a}.html", f"P_2-{code_p}.html"]
    assert "<script>" not in str(index.find_all("a")[1]) and len(index.find_all("h1")) == 1
    assert not re.search(r"https?:|src=", a.decode() + str(index))
    assert "2 certificates written" in r.stderr


def test_a_printed_code_verifies_and_the_secret_stays_out_of_the_certificates(tmp_path, tutor_config):
    scores = write_sheet(tmp_path / "scores.csv", [row("A1", name="Zoë Ouédraogo-Kéïta")])
    assert run("certificates", scores, "-o", tmp_path / "certs").exit_code == 0
    page = next((tmp_path / "certs").glob("A1-*.html")).read_text(encoding="utf-8")
    code = re.search(r"Verification code: <strong>([^<]+)</strong>", page).group(1)
    assert '<svg role="img" aria-label="QR code of the verification code ' in page
    r = run("verify", code, "--name", "Zoë Ouédraogo-Kéïta")
    assert r.exit_code == 0 and r.output.startswith("VALID: Certificate of Achievement issued by this centre")
    assert run("verify", code, "--name", "Zoe Ouedraogo-Keita").exit_code == 1
    secret = (tutor_config / "certificate-secret").read_text().strip()
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "certs").glob("*.html"))
    assert secret not in written and not list((tmp_path / "certs").glob("*secret*"))
    assert verify(bytes.fromhex(secret), code, "Zoë Ouédraogo-Kéïta").certificate == "achievement"


def test_certificates_folder_is_replaced_whole_or_not_at_all(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row("A1"), row("A2")])
    out = tmp_path / "certs"
    assert run("certificates", scores, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write_sheet(scores, [row("A1"), row("A2", group_work=99)])           # now wrong
    r = run("certificates", scores, "-o", out)
    assert r.exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before     # untouched
    write_sheet(scores, [row("A3")])
    assert run("certificates", scores, "-o", out).exit_code == 0
    assert len(list(out.glob("A*.html"))) == 1 and next(out.glob("A*.html")).name.startswith("A3-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["certs", "scores.csv"]   # no temporary folders


def test_certificates_never_replace_a_folder_they_did_not_write(tmp_path):
    scores = write_sheet(tmp_path / "scores.csv", [row()])
    docs = tmp_path / "Documents"
    docs.mkdir()
    (docs / "thesis.docx").write_text("precious")
    r = run("certificates", scores, "-o", docs)
    assert r.exit_code == 1 and "not written by `course certificates`" in r.stderr
    assert [p.name for p in docs.iterdir()] == ["thesis.docx"]


@pytest.mark.parametrize("command", ["report", "certificates"])
def test_output_is_required(tmp_path, command):
    scores = write_sheet(tmp_path / "scores.csv", [row()])
    r = run(command, scores)
    assert r.exit_code == 2 and "Missing option '-o'" in r.stderr
