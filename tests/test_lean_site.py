"""The site ships only what a trainee's browser uses, and its logo opens the home page from file://."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editions.usb_zip import write_zip
from macros.lean_site import unused_theme_files


def test_logo_opens_the_home_page_file_on_every_page(site, pages):
    wrong = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for logo in soup.select("a.md-logo"):
            target = (path.parent / logo["href"]).resolve()
            if target != (site / "index.html").resolve():
                wrong.append(f"{path.relative_to(site)}: {logo['href']}")
    assert wrong == []


def test_no_source_maps_or_unused_search_languages(site):
    assert not list(site.rglob("*.map"))
    assert not (site / "assets" / "javascripts" / "lunr").exists()     # English needs no lunr language file
    assert (site / "assets" / "javascripts" / "workers").is_dir()


def test_a_french_edition_keeps_its_search_language_files(tmp_path):
    lunr = tmp_path / "assets" / "javascripts" / "lunr" / "min"
    lunr.mkdir(parents=True)
    for name in ("lunr.fr.min.js", "lunr.de.min.js", "lunr.stemmer.support.min.js", "lunr.multi.min.js"):
        (lunr / name).write_text("//")
    removed = {p.name for p in unused_theme_files(tmp_path, ["fr"])}
    assert removed == {"lunr.de.min.js", "lunr.multi.min.js"}


def test_zip_holds_one_search_index_per_language_and_no_source_maps(editions, tmp_path):
    archive = write_zip(editions, tmp_path / "course-site.zip")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert "site/index.html" in names and "site/en/index.html" in names and "site/fr/index.html" in names
    assert [n for n in names if "search_index" in n] == ["site/en/search/search_index.js",
                                                         "site/fr/search/search_index.js"]
    assert not [n for n in names if n.endswith((".map", ".gz", ".br"))]
    assert archive.stat().st_size <= 3 * 1024 * 1024          # DESIGN budget: zip of both languages ≤ 3 MB


@pytest.mark.browser
def test_logo_opens_the_home_page_from_file(site, offline):
    page = offline.page
    page.goto((site / "modules" / "step-1.html").as_uri())
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_load_state()
    assert Path(page.url.removeprefix("file://")) == (site / "index.html")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Developing Labour Migration Policy"


def test_zip_of_both_languages_leaves_out_what_an_older_build_left_beside_them(tmp_path, capsys):
    site = tmp_path / "site"
    for name in ["index.html", "index.html.gz", "en/index.html", "fr/index.html", "assets/old.js", "search/search_index.js"]:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x")
    with zipfile.ZipFile(write_zip(site, tmp_path / "both.zip")) as z:
        assert sorted(z.namelist()) == ["site/en/index.html", "site/fr/index.html", "site/index.html"]
    assert "not part of this build: assets, search" in capsys.readouterr().out
    assert (site / "assets" / "old.js").is_file()          # left out of the zip, never deleted
    with zipfile.ZipFile(write_zip(site / "en", tmp_path / "one.zip")) as z:    # one language: all of it
        assert z.namelist() == ["site/index.html"]
