"""A certificate prints as exactly one A4 landscape page in real Chromium, with no request outside it."""

from __future__ import annotations

import re

import pytest
from sheets import row, run, write_sheet

pytestmark = pytest.mark.browser


def test_certificate_prints_on_one_a4_landscape_page(tmp_path, offline):
    scores = write_sheet(tmp_path / "scores.csv", [
        row("A1", name="Zoë Ouédraogo-Kéïta Nomvula Rakotomalala-Razafindrabe")])   # a long name still fits
    out = tmp_path / "certs"
    assert run("certificates", scores, "-o", out).exit_code == 0
    certificate = next(out.glob("A1-*.html"))
    page = offline.page
    page.goto(certificate.as_uri())
    assert page.get_by_role("heading", level=1).inner_text() == "Certificate of Achievement"
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    assert len(pages) == 1, f"{len(pages)} pages"
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    width, height = float(box.group(1)), float(box.group(2))
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2, (width, height)     # A4 landscape, in points
    page.goto((out / "index.html").as_uri())
    page.get_by_role("link", name=re.compile("Zoë")).click()
    page.wait_for_load_state()
    assert page.url.endswith(certificate.name)
    assert offline.blocked == [] and offline.errors == []


@pytest.mark.parametrize("page_name", ["report", "certificate", "index"])
def test_grader_pages_have_no_serious_accessibility_violation(tmp_path, offline, page_name):
    from axe_playwright_python.sync_playwright import Axe
    from sheets import FIXTURES
    scores = FIXTURES / "cohort-2022.csv"
    assert run("report", scores, "-o", tmp_path / "report.html").exit_code == 0
    assert run("certificates", scores, "-o", tmp_path / "certs").exit_code == 0
    target = {"report": tmp_path / "report.html", "index": tmp_path / "certs" / "index.html",
              "certificate": next((tmp_path / "certs").glob("LMP22-001-*.html"))}[page_name]
    offline.page.goto(target.as_uri())
    violations = Axe().run(offline.page).response["violations"]
    serious = [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert offline.blocked == []
