"""My course file, Forget me, and editions kept apart: in real Chromium, from file://, network cut off.
The oracle for the file is course.course_file.read_course_file and the storage keys DESIGN.md names."""

from __future__ import annotations

import json

import pytest

from conftest import OfflinePage, build_site, copy_project
from course.content import load
from course.content.course_file import COURSE_FILE_FORMAT, COURSE_FILE_VERSION, STORAGE_PREFIX, read_course_file
from course.errors import CourseError

pytestmark = pytest.mark.browser

CONTENT = load()
COURSE = CONTENT.course
EDITION = COURSE.edition.id
QUIZ = CONTENT.quiz_bank.quiz("week-1")
HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">Amara'
STORED = f"() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('{STORAGE_PREFIX}'))" \
         ".map(k => [k, localStorage.getItem(k)]))"


def stored(page) -> dict[str, str]:
    """This course's keys in the browser, without the time of the last change (it moves with every save)."""
    return {k: v for k, v in page.evaluate(STORED).items() if not k.endswith(":meta:changed")}


def ready(page, selector: str):
    page.locator(selector).wait_for(state="attached")


def open_file_page(site, page):
    page.goto((site / "study-offline.html").as_uri())
    ready(page, '.course-file__status[data-ready="true"]')


def status(page) -> str:
    return page.locator(".course-file__status").inner_text()


def do_some_work(site, page):
    """A checklist tick, a finished activity, and Quiz 1 half answered with a Trainee ID and a hostile name."""
    page.goto((site / "modules" / "step-1.html").as_uri())
    page.get_by_label("Who will lead, and who will carry out the policy?").first.check()
    page.locator(".course-next-step").scroll_into_view_if_needed()     # read to the end
    page.locator(".course-finished__status", has_text="marked as finished").wait_for()
    page.goto((site / "quizzes" / "week-1.html").as_uri())
    ready(page, '.course-quiz__status[data-ready="true"]')
    for q in QUIZ.questions[:5]:
        page.locator(f'fieldset[data-question="{q.id}"] input[value="{q.answer}"]').check()
    page.get_by_label("Trainee ID").fill("T-014")
    page.get_by_label("Name", exact=True).fill(HOSTILE_NAME)


def save(page, tmp_path, name="work.json"):
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my work to a file").click()
    path = tmp_path / name
    download.value.save_as(path)
    return download.value.suggested_filename, path


def load(page, path):
    page.get_by_label("Load my work from a file").set_input_files(str(path))


def test_saved_in_one_browser_and_loaded_in_a_fresh_one_everything_comes_back(site, browser, offline, tmp_path):
    page = offline.page
    do_some_work(site, page)
    open_file_page(site, page)
    before = stored(page)
    name, path = save(page, tmp_path)
    assert name.startswith(f"my-course-work-{EDITION}-") and name.endswith(".json")
    saved = read_course_file(path, EDITION)
    assert saved.edition == EDITION
    prefix = f"{STORAGE_PREFIX}{EDITION}:"
    assert {prefix + k: v for k, v in saved.items.items()} == before      # every key of the edition, as text
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert (raw["format"], raw["version"], raw["trainee_id"], raw["name"]) == \
        (COURSE_FILE_FORMAT, COURSE_FILE_VERSION, "T-014", HOSTILE_NAME)

    fresh = OfflinePage(browser.new_context())
    try:
        other = fresh.page
        open_file_page(site, other)
        assert stored(other) == {}
        load(other, path)
        other.locator(".course-file__status", has_text="Loaded your work").wait_for()
        assert stored(other) == before
        other.goto((site / "quizzes" / "week-1.html").as_uri())
        ready(other, '.course-quiz__status[data-ready="true"]')
        assert other.get_by_label("Name", exact=True).input_value() == HOSTILE_NAME     # text, never HTML
        assert other.locator("img[src=x]").count() == 0
        assert other.evaluate("window.__pwned === undefined")
        assert other.get_by_label("Trainee ID").input_value() == "T-014"
        assert "5 of 10 answered" in other.locator(".course-quiz__status").inner_text()
        other.goto((site / "index.html").as_uri())
        ready(other, 'html[data-course-progress="ready"]')
        assert other.locator('.course-progress__status[data-activity="quiz-1"]').inner_text() == \
            "In progress: 5 of 10 questions answered"
        assert other.locator('.course-progress__status[data-activity="step-1"]').inner_text() == \
            "In progress: checklist 1 of 7 ticked"       # read, one box of seven ticked
        assert fresh.blocked == [] and fresh.errors == []
    finally:
        fresh.context.close()
    assert offline.blocked == [] and offline.errors == []


def write(tmp_path, name: str, content) -> object:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize("case, content, message", [
    ("damaged", '{"format": "lmp-course-file", "version": 1, "edition": "2027-1", "items": {"a": ', "damaged"),
    ("other-edition", {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION, "edition": "1999-9",
                       "saved_at": "2027-02-01T00:00:00Z", "items": {"progress:start": "x"}}, "edition 1999-9"),
    ("newer-version", {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION + 1, "edition": EDITION,
                       "items": {}}, "format version"),
    ("version-true", {"format": COURSE_FILE_FORMAT, "version": True, "edition": EDITION, "items": {}},
     "format version"),
    ("quiz-answer-file", {"format": "lmp-quiz-answers", "version": 1, "quiz": "week-1", "answers": {}},
     "not a course file"),
    ("items-not-text", {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION, "edition": EDITION,
                        "items": {"progress:start": {"x": 1}}}, "damaged"),
])
def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(site, offline, tmp_path, case, content, message):
    page = offline.page
    do_some_work(site, page)
    open_file_page(site, page)
    before = page.evaluate(STORED)
    load(page, write(tmp_path, f"{case}.json", content))
    page.locator(".course-file__status", has_text="Nothing was changed").wait_for()
    assert message in status(page)
    assert page.evaluate(STORED) == before
    assert page.locator(".course-file__confirm").is_hidden()
    if case != "quiz-answer-file":     # the Python reader refuses the same files
        with pytest.raises(CourseError):
            read_course_file(tmp_path / f"{case}.json", EDITION)
    assert offline.blocked == [] and offline.errors == []


def test_loading_over_newer_work_says_what_changes_and_asks_first(site, offline, tmp_path):
    page = offline.page
    do_some_work(site, page)
    open_file_page(site, page)
    _, path = save(page, tmp_path)
    at_save = stored(page)
    page.wait_for_timeout(20)
    page.get_by_label("Is a national labour migration policy the right answer?").check()    # newer work
    newer = stored(page)
    load(page, path)
    confirm = page.locator(".course-file__confirm")
    confirm.wait_for()
    text = confirm.inner_text()
    assert "after the file was saved" in text
    assert "Removed, because the file does not have them: checklist ticks (1)" in text
    assert page.evaluate("document.activeElement.classList.contains('course-file__question')")
    page.get_by_role("button", name="Keep my work as it is").click()
    assert stored(page) == newer and "Nothing was changed" in status(page)
    load(page, path)
    confirm.wait_for()
    page.get_by_role("button", name="Replace my work with the file").click()
    assert stored(page) == at_save
    assert "Loaded your work" in status(page)
    # The page's own checklist shows what was loaded, without a reload.
    assert not page.get_by_label("Is a national labour migration policy the right answer?").is_checked()
    load(page, path)
    page.locator(".course-file__status", has_text="already the same").wait_for()
    assert offline.errors == []


def test_forget_me_asks_then_leaves_no_key_of_the_course(site, offline):
    page = offline.page
    do_some_work(site, page)
    open_file_page(site, page)
    page.evaluate(f"localStorage.setItem('{STORAGE_PREFIX}1999-9:progress:start', 'x');"
                  "localStorage.setItem('another-site:setting', 'kept')")
    page.get_by_role("button", name="Forget me on this computer").click()
    page.get_by_role("button", name="Cancel").click()
    assert "Nothing was removed" in status(page) and len(stored(page)) > 3
    page.get_by_role("button", name="Forget me on this computer").click()
    page.get_by_role("button", name="Yes, forget me").click()
    assert page.evaluate(STORED) == {}
    assert page.evaluate("localStorage.getItem('another-site:setting')") == "kept"
    assert not page.get_by_label("Who will lead, and who will carry out the policy?").is_checked()
    page.goto((site / "quizzes" / "week-1.html").as_uri())
    ready(page, '.course-quiz__status[data-ready="true"]')
    assert page.get_by_label("Trainee ID").input_value() == ""
    assert offline.errors == []


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory):
    """The same course, built as the next edition (another edition id in course.yml)."""
    project = copy_project(tmp_path_factory.mktemp("next") / "project")
    path = project / "course" / "content" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert f'id: "{EDITION}"' in text
    path.write_text(text.replace(f'id: "{EDITION}"', 'id: "2099-1"'), encoding="utf-8")
    return build_site(project.parent / "site", project, QUIZ_MODE="practice")


def test_two_editions_opened_one_after_the_other_do_not_share_work(site, next_edition, offline, tmp_path):
    page = offline.page
    do_some_work(site, page)
    page.goto((next_edition / "modules" / "step-1.html").as_uri())
    assert not page.get_by_label("Who will lead, and who will carry out the policy?").first.is_checked()
    page.goto((next_edition / "quizzes" / "week-1.html").as_uri())
    ready(page, '.course-quiz__status[data-ready="true"]')
    assert page.get_by_label("Trainee ID").input_value() == ""
    page.goto((next_edition / "index.html").as_uri())
    ready(page, 'html[data-course-progress="ready"]')
    assert page.locator('.course-progress__status[data-activity="step-1"]').inner_text() == "Not started"
    # A file saved in one edition is refused by the other.
    open_file_page(site, page)
    _, path = save(page, tmp_path)
    open_file_page(next_edition, page)
    load(page, path)
    page.locator(".course-file__status", has_text="Nothing was changed").wait_for()
    assert f"edition {EDITION}" in status(page)
    page.goto((site / "modules" / "step-1.html").as_uri())
    assert page.get_by_label("Who will lead, and who will carry out the policy?").first.is_checked()
    assert offline.blocked == [] and offline.errors == []


def test_course_file_controls_pass_axe_with_their_questions_open(site, offline, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    page = offline.page
    do_some_work(site, page)
    open_file_page(site, page)
    _, path = save(page, tmp_path)
    page.get_by_label("Is a national labour migration policy the right answer?").check()
    load(page, path)
    page.locator(".course-file__confirm").wait_for()
    page.get_by_role("button", name="Forget me on this computer").click()
    page.mouse.move(0, 0)           # the theme's hover colour is not the state being judged
    page.wait_for_timeout(400)      # let Material's button colour transition settle before measuring contrast
    results = Axe().run(page, context=".course-file").response
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]
            if v.get("impact") in ("serious", "critical")] == []


def test_read_course_file_refuses_what_the_page_refuses(tmp_path):
    good = {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION, "edition": EDITION,
            "saved_at": "2027-02-01T00:00:00Z", "items": {"checklist:step-1-parameters:who-leads": "1"}}
    assert read_course_file(write(tmp_path, "good.json", good)).items == good["items"]
    for name, broken in [("no-edition", {**good, "edition": ""}), ("list", [good]),
                         ("items-list", {**good, "items": ["1"]})]:
        with pytest.raises(CourseError):
            read_course_file(write(tmp_path, f"{name}.json", broken))
