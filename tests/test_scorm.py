"""The SCORM 1.2 package: its manifest, and the quiz pages reporting to scorm-again playing the LMS."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import chromium_path, npm_package

from course.content import load
from course.content.definition import load_course
from course.errors import CourseError
from editions.scorm import ADLCP, CP, MANIFEST, write_package

COURSE = load_course()
NS = {"cp": CP, "adlcp": ADLCP}


@pytest.fixture(scope="module")
def package(site, tmp_path_factory):
    """The practice site packed, and unpacked again as an LMS would."""
    out = tmp_path_factory.mktemp("scorm")
    zip_path = out / "course-scorm.zip"
    write_package(site, zip_path, COURSE)
    unpacked = out / "unpacked"
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(unpacked)
        names = z.namelist()
    return zip_path, unpacked, names


def test_manifest_has_one_sco_per_week_and_lists_every_file(package):
    _, unpacked, names = package
    assert names[0] == MANIFEST
    root = ET.parse(unpacked / MANIFEST).getroot()
    assert root.tag == f"{{{CP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    organizations = root.find("cp:organizations", NS)
    organization = organizations.find("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    resources = {r.get("identifier"): r for r in root.findall("cp:resources/cp:resource", NS)}
    items = organization.findall("cp:item", NS)
    assert [i.findtext("cp:title", namespaces=NS) for i in items] == \
        [f"Week {w.number}: {w.title}" for w in COURSE.weeks]
    for item, week in zip(items, COURSE.weeks):
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{{{ADLCP}}}scormtype") == "sco"
        assert (unpacked / sco.get("href")).is_file()
        assert item.findtext("adlcp:datafromlms", namespaces=NS) == f"week-{week.number}"
        assert [d.get("identifierref") for d in sco.findall("cp:dependency", NS)] == ["site"]
    listed = {f.get("href") for r in resources.values() for f in r.findall("cp:file", NS)}
    assert listed == set(names) - {MANIFEST}
    assert all((unpacked / name).is_file() for name in listed)


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path):
    with pytest.raises(CourseError, match="not a built course site"):
        write_package(tmp_path, tmp_path / "x.zip", COURSE)
    assert not (tmp_path / "x.zip").exists()


# In Chromium: scorm-again is the LMS ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def lms_browser(browser):
    """A second Chromium (same Playwright) treating file:// pages as one origin, as an LMS serves its player
    and the package from one site; lms_page aborts every request that is not file:."""
    second = browser.browser_type.launch(executable_path=chromium_path(), args=[
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--allow-file-access-from-files"])
    yield second
    second.close()


def lms_page(lms_browser, tmp_path, unpacked, launch_data: str, launch: str):
    """An LMS window: scorm-again's SCORM 1.2 API on window.API, the activity in a frame."""
    runtime = npm_package("scorm-again") / "dist" / "scorm12.js"
    initial = {"core": {"student_id": "T1", "student_name": "Banda, Ann"}, "launch_data": launch_data}
    player = tmp_path / "lms.html"
    player.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>'
        f'<script src="{runtime.as_uri()}"></script><script>'
        'window.API = new Scorm12API({logLevel: 5});'
        f'window.API.loadFromJSON({json.dumps(initial)});'
        'window.commits = 0; window.API.on("LMSCommit", function () { window.commits += 1; });'
        '</script></head><body>'
        f'<iframe id="sco" title="Activity" src="{(unpacked / launch).as_uri()}" width="1200" height="800">'
        "</iframe></body></html>", encoding="utf-8")
    context = lms_browser.new_context()
    blocked, errors = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(player.as_uri())
    return context, page, blocked, errors


def answer_quiz(frame, key: str, right: int):
    """Answer every question of quiz `key` in the frame, `right` of them correctly, then check."""
    quiz = load().quiz_bank.quiz(key)
    frame.wait_for_selector(".course-quiz__status[data-ready=true]")
    for i, q in enumerate(quiz.questions):
        wrong = next(letter for letter in q.options if letter != q.answer)
        frame.check(f"#{key}-{q.id}-{q.answer if i < right else wrong}")
    frame.click(".course-quiz__check")


@pytest.mark.browser
def test_a_quiz_inside_the_lms_reports_score_and_status(lms_browser, package, tmp_path):
    _, unpacked, _ = package
    week = COURSE.weeks[0]
    launch = next(a.page for a in week.activities if a.page).replace(".md", ".html")
    context, page, blocked, errors = lms_page(lms_browser, tmp_path, unpacked, "week-1", launch)
    try:
        frame = page.frame_locator("#sco")
        page.wait_for_function("document.getElementById('sco').contentDocument.readyState === 'complete'")
        assert page.evaluate("window.API.cmi.core.lesson_status") == "not attempted"
        sco = page.frames[1]
        sco.goto((unpacked / "quizzes" / "week-1.html").as_uri())
        answer_quiz(sco, "week-1", right=7)
        assert frame.locator(".course-quiz__status").inner_text().startswith("7 of 10 correct.")
        page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
        assert page.evaluate("window.API.cmi.core.score.raw") == "70"
        assert page.evaluate("[window.API.cmi.core.score.min, window.API.cmi.core.score.max]") == ["0", "100"]
        assert page.evaluate("window.commits") >= 1
        assert blocked == [] and errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_another_weeks_quiz_leaves_the_activity_alone(lms_browser, package, tmp_path):
    _, unpacked, _ = package
    context, page, _, errors = lms_page(lms_browser, tmp_path, unpacked, "week-1", "quizzes/week-2.html")
    try:
        sco = page.frames[1]
        answer_quiz(sco, "week-2", right=10)
        assert sco.inner_text(".course-quiz__status").startswith("10 of 10 correct.")
        assert page.evaluate("window.API.cmi.core.score.raw") == ""
        assert page.evaluate("window.API.cmi.core.lesson_status") == "not attempted"
        assert errors == []
    finally:
        context.close()


def test_the_french_package_names_its_weeks_in_french_and_links_to_no_english_page(site_fr, tmp_path):
    zip_path = tmp_path / "course-scorm-fr.zip"
    write_package(site_fr, zip_path)
    with zipfile.ZipFile(zip_path) as z:
        root = ET.fromstring(z.read(MANIFEST))
        step_1 = z.read("modules/step-1.html").decode("utf-8")
    titles = [i.findtext("cp:title", namespaces=NS) for i in root.iter(f"{{{CP}}}item")]
    assert titles and all(t.startswith(f"Semaine {n}\u00a0: ") for n, t in enumerate(titles, 1)), titles
    assert "course-language" not in step_1 and "../en/" not in step_1
