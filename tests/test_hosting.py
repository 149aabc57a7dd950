"""The hosting guide's nginx configuration, taken from docs/en/hosting.md as written, serves a fresh build
on 127.0.0.1: the .gz copies go to browsers that accept them, with the caching headers the guide
promises; and every text file of the build has its .gz copy."""

from __future__ import annotations

import gzip
import os
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from editions.hosting import nginx_binary, served
from macros.precompress import SMALLEST, TEXT


@pytest.fixture(scope="module")
def nginx(editions, tmp_path_factory):
    if nginx_binary() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is not installed: CI must test the hosting guide (apt-get install -y nginx)")
        pytest.skip("nginx is not installed (apt-get install -y nginx)")
    with served(editions, tmp_path_factory.mktemp("nginx")) as root:
        yield root


def get(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def theme_bundle(site: Path) -> str:
    (bundle,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    return bundle.relative_to(site).as_posix()


def test_every_text_file_has_a_gz_copy_with_the_same_content(editions):
    missing, wrong = [], []
    for path in editions.rglob("*"):
        if path.suffix in TEXT and path.stat().st_size >= SMALLEST:
            copy = path.with_name(path.name + ".gz")
            if not copy.is_file():
                missing.append(path.relative_to(editions).as_posix())
            elif gzip.decompress(copy.read_bytes()) != path.read_bytes():
                wrong.append(path.relative_to(editions).as_posix())
    assert missing == [] and wrong == []


@pytest.mark.parametrize("path, cache", [
    ("/en/", "no-cache"),
    ("/fr/modules/step-4.html", "no-cache"),
    ("/en/search/search_index.json", "no-cache"),
    ("/fr/search/search_index.json", "no-cache"),
    ("/en/assets/javascripts/quiz.js", "no-cache"),
    ("/fr/assets/stylesheets/course.css", "no-cache"),
    ("BUNDLE", "public, max-age=31536000, immutable"),
])
def test_nginx_sends_the_gz_copy_with_the_guides_caching(nginx, editions, path, cache):
    if path == "BUNDLE":
        path = "/en/" + theme_bundle(editions / "en")
    file = editions / path.lstrip("/")
    file = file / "index.html" if path.endswith("/") else file
    status, headers, body = get(nginx + path)
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == file.read_bytes()
    assert len(body) < file.stat().st_size / 2            # text compresses to well under half
    assert headers["Cache-Control"] == cache
    assert "Accept-Encoding" in headers.get("Vary", "")


def test_nginx_sends_plain_files_to_browsers_without_gzip(nginx, editions):
    status, headers, body = get(nginx + "/en/glossary.html", gzip_ok=False)
    assert status == 200 and "Content-Encoding" not in headers
    assert body == (editions / "en" / "glossary.html").read_bytes()


def test_nginx_answers_a_missing_page_with_the_courses_404_page(nginx, editions):
    status, _, body = get(nginx + "/fr/no-such-page.html", gzip_ok=False)
    assert status == 404 and body == (editions / "en" / "404.html").read_bytes()
    # Its styles, scripts and links are found: the theme writes them from the root, each language is a folder.
    links = set(re.findall(r'(?:href|src)="(/[^/"][^"]*)"', body.decode()))
    assert any(link.endswith(".css") for link in links)
    assert {link: get(nginx + link)[0] for link in links} == {link: 200 for link in links}


@pytest.mark.browser
@pytest.mark.parametrize("lang, words", [("en", "steering committee"), ("fr", "migrants")])
def test_served_pages_load_the_search_index_only_when_search_is_used(nginx, browser, lang, words):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    try:
        page.goto(nginx + f"/{lang}/modules/step-4.html")
        page.wait_for_load_state("networkidle")
        assert not [url for url in requested if "search_index" in url]
        page.locator(".md-search__input").click()
        page.keyboard.type(words)
        page.locator(".md-search-result__item").first.wait_for(timeout=30000)
        assert nginx + f"/{lang}/search/search_index.json" in requested
    finally:
        context.close()
