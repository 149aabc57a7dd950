"""Exercises and the workbook in real Chromium, from file:// with every other request blocked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from course.content.exercises import answer_key

pytestmark = pytest.mark.browser

ANSWER = "Share of women domestic workers who completed orientation.\n\nBaseline 2027: 20 %."


def stored(page, name: str):
    """What the course's storage helper holds under a name (it adds the prefix and edition)."""
    return page.evaluate("n => window.courseStorage().getItem(n)", name)


def test_exercise_answer_survives_a_reload_and_the_model_answer_opens_by_keyboard(site, offline):
    page = offline.page
    page.goto((site / "modules" / "step-6.html").as_uri())
    exercise = page.locator('[data-exercise="step-6-smart-indicator"]')
    box = exercise.get_by_label("Your answer")
    box.fill(ANSWER)
    box.blur()
    assert exercise.get_by_role("status").inner_text() == "Saved in this browser."
    assert stored(page, answer_key("exercise", "step-6-smart-indicator")) == ANSWER
    model = exercise.locator("details .course-exercise__model, details").first
    assert not exercise.get_by_text("A good answer contains").is_visible()
    exercise.get_by_text("Show the model answer").focus()
    page.keyboard.press("Enter")
    assert exercise.get_by_text("A good answer contains").is_visible()
    assert model.get_attribute("open") is not None
    page.reload()
    assert page.locator('[data-exercise="step-6-smart-indicator"]').get_by_label("Your answer").input_value() == ANSWER
    assert offline.blocked == [] and offline.errors == []


def test_workbook_entry_appears_on_the_workbook_page_and_in_its_download(site, offline, tmp_path):
    page = offline.page
    page.goto((site / "modules" / "step-6.html").as_uri())
    question = "Write one SMART indicator, with a baseline and a target, for one output of your draft policy."
    page.get_by_label(question).fill("Share of returnees <registered> & trained.\nSecond line.")
    page.goto((site / "workbook.html").as_uri())
    assert page.get_by_label(question).input_value() == "Share of returnees <registered> & trained.\nSecond line."
    assert page.get_by_role("status").first.inner_text().startswith("1 of ")
    # Edited here, it is edited everywhere: one key per question.
    page.get_by_label(question).fill("Edited on the workbook page.")
    page.goto((site / "modules" / "step-6.html").as_uri())
    assert page.get_by_label(question).input_value() == "Edited on the workbook page."
    page.goto((site / "workbook.html").as_uri())
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my workbook").click()
    assert download.value.suggested_filename == "my-workbook.html"
    saved = tmp_path / "my-workbook.html"
    download.value.save_as(saved)
    document = saved.read_text(encoding="utf-8")
    assert "<h3>" + question + "</h3>\n<p>Edited on the workbook page.</p>" in document
    assert "<h1>My workbook</h1>" in document and "The first draft of my final essay." in document
    assert document.count("<h2>") == page.locator("ol.course-workbook").count()
    assert document.index("Foundations") < document.index("Step 6") < document.index("The way forward")
    assert offline.blocked == [] and offline.errors == []
    assert nu_html_errors(saved) == []


VNU = Path(os.environ.get("VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))


def nu_html_errors(path: Path) -> list[str]:
    """The Nu Html Checker's errors in a document (the downloaded workbook is one a trainee keeps)."""
    if shutil.which("java") is None or not VNU.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("java and vnu.jar are needed to check the downloaded workbook (npm ci)")
        pytest.skip("vnu.jar or java missing (npm ci; apt-get install -y default-jre-headless)")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", str(path)],
                            capture_output=True, text=True)
    return [m["message"] for m in json.loads(result.stderr)["messages"]]


def test_workbook_download_escapes_what_the_trainee_wrote(site, offline, tmp_path):
    page = offline.page
    page.goto((site / "workbook.html").as_uri())
    box = page.locator("ol.course-workbook textarea").first
    box.fill("<script>alert(1)</script> & more\n\nA second paragraph.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my workbook").click()
    saved = tmp_path / "w.html"
    download.value.save_as(saved)
    document = saved.read_text(encoding="utf-8")
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>\n<p>A second paragraph.</p>" in document
    assert "<script>" not in document


def test_printed_workbook_shows_the_answers_not_the_boxes(site, offline):
    page = offline.page
    page.goto((site / "workbook.html").as_uri())
    box = page.locator("ol.course-workbook textarea").first
    box.fill("My answer for print.")
    page.emulate_media(media="print")
    assert not box.is_visible()
    assert page.locator(".course-answer__print").first.inner_text() == "My answer for print."
    assert not page.get_by_role("button", name="Download my workbook").is_visible()


def serious(results) -> list[str]:
    """The project's bar (as in test_a11y): no serious or critical violation."""
    return [v["id"] for v in results["violations"] if v.get("impact") in {"serious", "critical"}]


def test_exercise_workbook_and_template_pages_pass_axe(site, offline):
    from axe_playwright_python.sync_playwright import Axe

    page, axe = offline.page, Axe()
    page.goto((site / "modules" / "step-6.html").as_uri())
    page.locator("textarea").first.fill("An answer.")
    page.locator("details summary").first.click()
    found = serious(axe.run(page).response)
    page.goto((site / "workbook.html").as_uri())
    page.locator("textarea").first.fill("An answer.")
    page.locator("textarea").first.blur()
    found += serious(axe.run(page).response)
    page.goto((site / "planning" / "me-framework.html").as_uri())
    found += serious(axe.run(page).response)
    assert found == []


def test_printed_template_keeps_room_to_write(site, offline):
    page = offline.page
    page.goto((site / "planning" / "action-plan.html").as_uri())
    page.emulate_media(media="print")
    table = page.locator('.course-template[data-template="action-plan"] table')
    assert table.is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    heights = table.locator("tbody td").evaluate_all("tds => tds.map(td => td.getBoundingClientRect().height)")
    assert len(heights) == 5 * 8 and min(heights) >= 50     # five empty lines of eight columns, room to write
    assert offline.blocked == [] and offline.errors == []


def test_work_loaded_from_a_course_file_shows_at_once(site, offline):
    """course-file.js announces "course:reload" after it restores work: the boxes show it."""
    page = offline.page
    page.goto((site / "workbook.html").as_uri())
    name = answer_key("workbook", "step-6-country-3")
    page.evaluate("""n => { window.courseStorage().setItem(n, 'Restored from my course file.');
                            document.dispatchEvent(new CustomEvent('course:reload')); }""", name)
    box = page.locator('[data-workbook="step-6-country-3"] textarea')
    assert box.input_value() == "Restored from my course file."
    assert page.locator(".course-workbook__summary").inner_text().startswith("1 of ")


def test_answers_travel_in_the_course_file(site, browser, offline, tmp_path):
    """What a trainee writes goes into "My course file" and comes back in a fresh browser."""
    page = offline.page
    page.goto((site / "modules" / "step-6.html").as_uri())
    page.locator('[data-exercise="step-6-smart-indicator"] textarea').fill(ANSWER)
    page.locator('[data-workbook="step-6-country-3"] textarea').fill("Share of returnees with recognized skills.")
    page.goto((site / "study-offline.html").as_uri())
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my work to a file").click()
    path = tmp_path / "course-file.json"
    download.value.save_as(path)
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    assert items[answer_key("exercise", "step-6-smart-indicator")] == ANSWER
    assert items[answer_key("workbook", "step-6-country-3")] == "Share of returnees with recognized skills."

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:"))
                    else route.abort())
        other.goto((site / "study-offline.html").as_uri())
        other.get_by_label("Load my work from a file").set_input_files(str(path))
        other.locator(".course-file__status", has_text="Loaded your work").wait_for()
        other.goto((site / "workbook.html").as_uri())
        assert other.locator('[data-workbook="step-6-country-3"] textarea').input_value() == \
            "Share of returnees with recognized skills."
        other.goto((site / "modules" / "step-6.html").as_uri())
        assert other.locator('[data-exercise="step-6-smart-indicator"] textarea').input_value() == ANSWER
    finally:
        fresh.close()
    assert offline.blocked == [] and offline.errors == []
