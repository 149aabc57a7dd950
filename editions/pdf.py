"""The print edition: one PDF of the whole course, from a built site.

    python -m editions.pdf SITE_DIR OUT.pdf

Headless Chromium (Debian's, driven by Playwright, both already used by the tests) prints one page
that gathers every page's article in week order from course.yml, then the case studies, tools and
glossary. Chromium renders the same CSS as the screen, so the theme's and the course's print styles
apply unchanged; no second layout engine to keep in step. Contents page numbers are read back from a
first printing with poppler's pdfinfo, then the PDF is printed again with them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from course.content.ui import load_ui
from editions import EditionError, command

ROOT = Path(__file__).resolve().parent.parent
# Pages for tutors and centres, and the home page, are not part of a trainee's printed course.
NOT_PRINTED = {"index.md", "tutors.md", "hosting.md"}


class PdfError(EditionError):
    pass


def nav_pages(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The docs-relative pages of mkdocs.yml's nav, in order (its !ENV tags are not needed here)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)["nav"]
    pages: list[str] = []

    def walk(item):
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)
    walk(nav)
    return pages


def site_language(site: Path) -> str:
    """The language of a built site (its home page's lang), whose interface text the edition prints."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return (home.html.get("lang") if home.html else None) or "en"


def edition_parts(course, ui=None) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(part title, [(docs page, title)])]: the weeks' activities in order, then the other pages."""
    ui = ui or load_ui()
    seen: set[str] = set()
    parts = []
    for week in course.weeks:
        pages = []
        for activity in week.activities:
            if activity.page and activity.page not in seen:
                seen.add(activity.page)
                pages.append((activity.page, activity.title))
        parts.append((ui("week_title", n=week.number, title=week.title), pages))
    rest = [(page, "") for page in nav_pages() if page not in seen and page not in NOT_PRINTED]
    parts.append((ui("pdf.other_pages"), rest))
    return parts


def html_path(page: str) -> str:
    return page.removesuffix(".md") + ".html"


def anchor(page_html: str, fragment: str = "") -> str:
    base = re.sub(r"[^a-z0-9]+", "-", page_html.removesuffix(".html").lower()).strip("-")
    return f"{base}--{fragment}" if fragment else base


def article_of(site: Path, page_html: str, printed: set[str]) -> tuple[str, str]:
    """(title, article HTML) of one built page, its ids and links made unique inside the edition."""
    soup = BeautifulSoup((site / page_html).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise PdfError(f"{site / page_html}: no <article> in the page")
    for element in article.select("script, .headerlink, .md-content__button, .md-source-file"):
        element.decompose()
    for element in article.select("[id]"):
        element["id"] = anchor(page_html, element["id"])
    for label in article.select("label[for]"):
        label["for"] = anchor(page_html, label["for"])
    for element in article.select("[aria-describedby], [aria-labelledby]"):
        for attribute in ("aria-describedby", "aria-labelledby"):
            if element.get(attribute):
                element[attribute] = " ".join(anchor(page_html, i) for i in element[attribute].split())
    folder = posixpath.dirname(page_html)
    for link in article.select("a[href]"):
        href = link["href"]
        if re.match(r"^[a-z]+:", href):
            continue
        target, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(folder, target)) if target else page_html
        if target in printed:
            link["href"] = "#" + anchor(target, fragment)
        else:
            del link["href"]             # a page not in the print edition: keep the words, drop the link
    for element in article.select("[src]"):
        if not re.match(r"^[a-z]+:", element["src"]):
            element["src"] = (site / posixpath.normpath(posixpath.join(folder, element["src"]))).as_uri()
    heading = article.find("h1")
    title = heading.get_text(" ", strip=True) if heading else page_html
    return title, article.decode_contents()


def combined_page(site: Path, course, page_numbers: dict[str, int] | None = None) -> tuple[str, list[str]]:
    """The print edition as one HTML page (stylesheets of the built site), and its sections' titles."""
    ui = load_ui(lang=site_language(site))
    parts = edition_parts(course, ui)
    printed = {html_path(page) for _, pages in parts for page, _ in pages}
    missing = sorted(p for p in printed if not (site / p).is_file())
    if missing:
        raise PdfError(f"{site}: pages missing from the build: {', '.join(missing)}")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    # The page is printed from a temporary folder: stylesheets by their full file address.
    styles = "".join(f'<link rel="stylesheet" href="{(site / link["href"]).resolve().as_uri()}">'
                     for link in home.select('link[rel="stylesheet"]'))
    contents, body, titles = [], [], []
    for part, pages in parts:
        rows = []
        for page, _ in pages:
            page_html = html_path(page)
            title, article = article_of(site, page_html, printed)
            titles.append(title)
            number = (page_numbers or {}).get(anchor(page_html), "")
            rows.append(f'<li><a href="#{anchor(page_html)}">{html.escape(title)}</a>'
                        f'<span class="course-print__page">{number}</span></li>')
            body.append(f'<section class="course-print__page-section" id="{anchor(page_html)}">'
                        f'<article class="md-typeset">{article}</article></section>')
        contents.append(f"<li><strong>{html.escape(part)}</strong><ol>{''.join(rows)}</ol></li>")
    today = dt.date.today().isoformat()
    cover = (f'<section class="course-print__cover md-typeset"><h1>{html.escape(course.title)}</h1>'
             f'<p class="course-print__subtitle">{html.escape(course.subtitle)}</p>'
             f'<p>{html.escape(ui("pdf.length", hours=course.hours, weeks=len(course.weeks), edition=course.edition.id))}</p>'
             f'<p>{html.escape(ui("pdf.printed", date=today))}</p></section>')
    contents_title = html.escape(ui("pdf.contents"))
    toc = (f'<nav class="course-print__contents md-typeset" aria-label="{contents_title}"><h2>{contents_title}</h2>'
           f'<ol>{"".join(contents)}</ol></nav>')
    page = (f'<!doctype html><html lang="{ui.lang}"><head><meta charset="utf-8">'
            f'<title>{html.escape(ui("pdf.title", title=course.title))}</title>{styles}</head>'
            f'<body class="course-print"><main>{cover}{toc}{"".join(body)}</main></body></html>')
    return page, titles


def destination_pages(pdf: Path) -> dict[str, int]:
    """The page of every named destination (each section is one: the contents link to it)."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        raise PdfError("pdfinfo is not installed (apt-get install -y poppler-utils)")
    result = subprocess.run([tool, "-dests", str(pdf)], capture_output=True, text=True, check=True)
    return {m.group(2): int(m.group(1))
            for m in re.finditer(r'^\s*(\d+)\s+\[.*?\]\s+"([^"]+)"\s*$', result.stdout, re.M)}


def footer(ui) -> str:
    """Each sheet's foot: the title and "page N of M" (Chromium fills in the numbers)."""
    pages = html.escape(ui("pdf.page_of", page="{page}", pages="{pages}")).format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>')
    return f'<div style="font-size:8pt;width:100%;text-align:center;color:#000"><span class="title"></span> · {pages}</div>'


def print_pdf(page_file: Path, out: Path, browser, ui=None) -> None:
    """Print one local page to an A4 PDF; nothing outside the file system may load."""
    context = browser.new_context()
    try:
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        tab = context.new_page()
        tab.goto(page_file.as_uri())
        tab.pdf(path=str(out), format="A4", print_background=False, display_header_footer=True,
                header_template="<span></span>", footer_template=footer(ui or load_ui()),
                margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
    finally:
        context.close()


@contextlib.contextmanager
def debian_chromium():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise PdfError("Chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


def write_pdf(site: Path, out: Path, course=None, browser=None) -> Path:
    """Print the whole course to `out` (written once complete); `browser`: a Playwright Chromium."""
    if course is None:
        from course.content import load
        course = load().course
    if browser is None:
        with debian_chromium() as browser:
            return write_pdf(site, out, course, browser)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.stem}.") as tmp:
        page_file, draft, final = Path(tmp) / "print-edition.html", Path(tmp) / "draft.pdf", Path(tmp) / out.name
        ui = load_ui(lang=site_language(site))
        text, _ = combined_page(site, course)
        page_file.write_text(text, encoding="utf-8")
        print_pdf(page_file, draft, browser, ui)
        text, _ = combined_page(site, course, destination_pages(draft))
        page_file.write_text(text, encoding="utf-8")
        print_pdf(page_file, final, browser, ui)
        os.chmod(final, 0o644)
        os.replace(final, out)
    return out


def main(argv: list[str]) -> int:
    return command(write_pdf, "python -m editions.pdf SITE_DIR OUT.pdf", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
