"""Printing: any single page prints black, without navigation, without half-empty sheets; `make pdf`'s
print edition has a cover, contents with page numbers, every page in week order, and no near-empty
sheet. Judged by poppler-utils (pdfinfo, pdftotext) on the PDFs headless Chromium writes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from course.content import load
from editions.pdf import edition_parts, write_pdf

pytestmark = pytest.mark.browser


def need_poppler() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("poppler-utils is not installed: CI must check the PDFs (apt-get install -y poppler-utils)")
        pytest.skip("poppler-utils is not installed (apt-get install -y poppler-utils)")


def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def filled_share(pdf) -> list[float]:
    """For each sheet, how far down its content reaches (0 to 1), from a 20 dpi greyscale rendering by
    pdftoppm: empty tables and ruled answer space count as used, as they do on paper. The bottom
    margin (page numbers) is left out."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", "20", str(pdf), f"{tmp}/p"], check=True)
        shares = []
        for image in sorted(Path(tmp).glob("p-*.pgm")):
            header, pixels = image.read_bytes().split(b"\n255\n", 1)
            width, height = map(int, header.split()[1:3])
            body = int(height * 0.92)
            dark = [y for y in range(body) if min(pixels[y * width:(y + 1) * width]) < 160]
            shares.append((max(dark) + 1) / body if dark else 0.0)
        return shares


def near_empty(shares: list[float]) -> list[int]:
    """Sheets (1-based) whose content stops in the top 40 %, other than the last one."""
    return [i + 1 for i, share in enumerate(shares[:-1]) if share < 0.4]


@pytest.mark.parametrize("page", ["modules/step-2.html", "modules/step-4.html", "study-offline.html"])
def test_a_single_page_prints_black_without_navigation_or_half_empty_sheets(site, offline, tmp_path, page):
    need_poppler()
    tab = offline.page
    tab.goto((site / page).as_uri())
    tab.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        assert not tab.locator(chrome).first.is_visible(), chrome
    colours = tab.evaluate("""() => [...document.querySelectorAll(
        'article p, article li, article td, .course-checklist__detail, .course-source')]
        .map(e => getComputedStyle(e).color)""")
    assert set(colours) == {"rgb(0, 0, 0)"}
    pdf = tmp_path / "page.pdf"
    tab.pdf(path=str(pdf), format="A4")
    shares = filled_share(pdf)
    assert near_empty(shares) == [], [round(share, 2) for share in shares]
    title = tab.locator("article h1").first.inner_text().rstrip("¶").strip()
    assert title.split(":")[0] in page_texts(pdf)[0]


@pytest.fixture(scope="module")
def edition(site, browser, tmp_path_factory):
    need_poppler()
    return write_pdf(site, tmp_path_factory.mktemp("pdf") / "course.pdf", browser=browser)


def contents_of(pages: list[str]) -> list[tuple[str, int]]:
    """(title, page) rows of the contents, which run from the second sheet to the first course page."""
    rows = re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", "\n".join(pages[1:6]), re.M)
    first = int(rows[0][1])
    rows = re.findall(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", "\n".join(pages[1:first - 1]), re.M)
    return [(" ".join(title.split()), int(number)) for title, number in rows]


def test_print_edition_has_every_page_in_week_order_with_numbered_contents(edition):
    pages = page_texts(edition)
    info = subprocess.run(["pdfinfo", str(edition)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(pages)
    course = load().course
    assert course.title in pages[0] and "Contents" not in pages[0]                 # the cover
    assert pages[1].lstrip().startswith("Contents")
    contents = contents_of(pages)
    order = [p for _, part in edition_parts(course) for p, _ in part]
    assert len(contents) == len(order)
    numbers = [number for _, number in contents]
    assert numbers == sorted(numbers) and numbers[0] > 2        # in order, after cover and contents
    for (title, number), page in zip(contents, order):
        assert title in " ".join(pages[number - 1].split()), (title, number, page)
    body = " ".join(" ".join(p.split()) for p in pages)
    for week in course.weeks:
        assert f"Week {week.number}: {week.title}" in body
    assert "Skip to content" not in body and "Switch to dark mode" not in body   # no navigation chrome


def test_print_edition_has_no_near_empty_sheet(edition):
    first = contents_of(page_texts(edition))[0][1]
    shares = filled_share(edition)
    empty = [n + first - 1 for n in near_empty(shares[first - 1:])]    # the cover and contents are short
    assert empty == [], {n: round(shares[n - 1], 2) for n in empty}
