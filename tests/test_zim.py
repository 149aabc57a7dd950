"""The ZIM for Kiwix: written by Debian's zimwriterfs, judged by the same package's zimcheck, served by
kiwix-serve on 127.0.0.1 and read in real Chromium: pages, a quiz and Kiwix's own full-text search."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from xml.etree import ElementTree

import pytest

from editions.usb_zip import write_zip
from editions.zim import DESCRIPTION_LIMIT, DESCRIPTIONS, metadata_of, write_zim


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is not installed: CI must run the ZIM tests (apt-get install -y {package})")
        pytest.skip(f"{tool} is not installed (apt-get install -y {package})")
    return path


@pytest.fixture(scope="module")
def zim(site, tmp_path_factory):
    need("zimwriterfs", "zim-tools")
    return write_zim(site, tmp_path_factory.mktemp("zim") / "course.zim")


def test_zimcheck_passes_every_check(zim):
    result = subprocess.run([need("zimcheck", "zim-tools"), "--all", "--details", str(zim)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "Overall Test Status: Pass" in result.stdout, result.stdout + result.stderr


@pytest.fixture(scope="module")
def zim_fr(site_fr, tmp_path_factory):
    need("zimwriterfs", "zim-tools")
    return write_zim(site_fr, tmp_path_factory.mktemp("zim-fr") / "course-fr.zim")


def test_the_french_zim_passes_every_check_and_is_in_french(zim_fr, site_fr):
    result = subprocess.run([need("zimcheck", "zim-tools"), "--all", "--details", str(zim_fr)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "Overall Test Status: Pass" in result.stdout, result.stdout + result.stderr
    meta = metadata_of(site_fr)
    assert (meta.language, meta.name) == ("fra", "labour-migration-policy-course_fr")
    assert meta.description == DESCRIPTIONS["fr"] and len(meta.description) <= DESCRIPTION_LIMIT


def test_zim_is_no_larger_than_the_zip(zim, site, tmp_path):
    assert zim.stat().st_size <= write_zip(site, tmp_path / "course-site.zip").stat().st_size


@pytest.fixture(scope="module")
def kiwix(zim):
    """kiwix-serve on 127.0.0.1 (a free port); yields the URL of the course's home page."""
    serve = need("kiwix-serve", "kiwix-tools")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([serve, "--address=127.0.0.1", f"--port={port}", str(zim)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = f"http://127.0.0.1:{port}"
    try:
        home = None
        for _ in range(100):
            for candidate in (f"{root}/content/{zim.stem}/index.html", f"{root}/{zim.stem}/index.html"):
                try:
                    with urllib.request.urlopen(candidate) as response:
                        if response.status == 200:
                            home = candidate
                except (urllib.error.URLError, ConnectionError):
                    pass
            if home:
                break
            time.sleep(0.1)
        assert home, "kiwix-serve did not serve the course's home page"
        yield root, home
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_kiwix_reads_the_mandatory_metadata(kiwix, zim):
    """Kiwix's own catalogue of the served file: what a reader's library list shows."""
    root, _ = kiwix
    with urllib.request.urlopen(f"{root}/catalog/v2/entries") as response:
        feed = ElementTree.fromstring(response.read())
    ns = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/terms/"}
    (entry,) = feed.findall("a:entry", ns)
    found = {key: entry.findtext(path, namespaces=ns) for key, path in {
        "Name": "a:name", "Title": "a:title", "Description": "a:summary", "Language": "a:language",
        "Creator": "a:author/a:name", "Publisher": "a:publisher/a:name", "Date": "dc:issued"}.items()}
    assert found["Name"] == "labour-migration-policy-course_en"
    assert found["Title"] == "Developing Labour Migration Policy"
    assert found["Description"] == DESCRIPTIONS["en"] and len(DESCRIPTIONS["en"]) <= DESCRIPTION_LIMIT
    assert found["Language"] == "eng"
    assert found["Creator"] and found["Publisher"]
    assert re.match(r"\d{4}-\d\d-\d\d", found["Date"])
    icon = entry.find("a:link[@rel='http://opds-spec.org/image/thumbnail']", ns)
    with urllib.request.urlopen(root + icon.get("href")) as response:
        png = response.read()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (48, 48)


@pytest.fixture
def kiwix_page(browser, kiwix):
    """A browser page that may reach the local kiwix-serve and nothing else."""
    root, _ = kiwix
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    outside, errors = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(root)
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert outside == [], f"requests outside kiwix-serve: {outside}"
    assert errors == []


@pytest.mark.browser
def test_pages_open_and_link_to_each_other_in_kiwix(kiwix, kiwix_page):
    _, home = kiwix
    page = kiwix_page
    page.goto(home)
    assert page.locator("article h1").first.inner_text().rstrip("¶") == "Developing Labour Migration Policy"
    page.goto(home.replace("index.html", "modules/step-1.html"))
    assert page.locator("article h1").first.inner_text().startswith("Step 1")
    logo = page.locator("a.md-logo").first.evaluate("a => a.href")    # the home page, not a folder
    assert logo == home
    page.goto(logo)
    assert page.locator("article h1").first.inner_text().rstrip("¶") == "Developing Labour Migration Policy"


@pytest.mark.browser
def test_a_quiz_works_in_kiwix(kiwix, kiwix_page):
    from course.content import load

    quiz = load().quiz_bank.quiz("week-1")
    _, home = kiwix
    page = kiwix_page
    page.goto(home.replace("index.html", "quizzes/week-1.html"))
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    first = quiz.questions[0]
    group = page.get_by_role("group", name=f"1. {first.question}", exact=True)
    group.get_by_label(first.options[first.answer], exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    assert "1 of 10 correct" in page.locator(".course-quiz__status").inner_text()


@pytest.mark.browser
def test_kiwix_full_text_search_finds_a_module(kiwix, kiwix_page, zim):
    root, _ = kiwix
    page = kiwix_page
    page.goto(f"{root}/search?content={zim.stem}&pattern=steering+committee")
    results = page.locator(f"a[href*='/{zim.stem}/']")
    assert results.count() > 0
    results.filter(has_text="Step 1").first.click()
    page.wait_for_load_state()
    assert "/modules/step-1.html" in page.url
