"""The quiz pages in real Chromium, opened from file:// with the network cut off."""

from __future__ import annotations

import json

import pytest

from course.content import load
from course.grading.answers import read_answer_file, score_answers

pytestmark = pytest.mark.browser

BANK = load().quiz_bank
QUIZ = BANK.quiz("week-1")


def open_quiz(site, offline, key: str = "week-1"):
    page = offline.page
    page.goto((site / "quizzes" / f"{key}.html").as_uri())
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    return page


def question(page, q):
    number = QUIZ.questions.index(q) + 1      # each question's name starts with its number
    return page.get_by_role("group", name=f"{number}. {q.question}", exact=True)


def answer_with_the_key(page):
    for q in QUIZ.questions:
        question(page, q).get_by_label(q.options[q.answer], exact=True).check()


def status(page) -> str:
    return page.locator(".course-quiz__status").inner_text()


def test_practice_quiz_checks_answers_and_explains(site, offline):
    page = open_quiz(site, offline)
    assert page.locator("h1").inner_text().rstrip("¶").strip() == f"Quiz 1: {QUIZ.title}"
    answer_with_the_key(page)
    page.get_by_role("button", name="Check my answers").click()
    assert "10 of 10 correct" in status(page)
    first = QUIZ.questions[0]
    feedback = question(page, first).locator(".course-quiz__feedback")
    assert feedback.is_visible()
    assert "Correct." in feedback.inner_text() and first.explanation[:60] in feedback.inner_text()
    # A wrong answer says so in words, and gives the right one.
    wrong = next(letter for letter in first.options if letter != first.answer)
    question(page, first).get_by_label(first.options[wrong], exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    assert "9 of 10 correct" in status(page)
    text = feedback.inner_text()
    assert "Not correct." in text and f"The right answer: {first.options[first.answer]}" in text
    assert offline.blocked == [] and offline.errors == []


def test_downloaded_answer_file_scores_ten_with_the_grader(site, offline, tmp_path):
    page = open_quiz(site, offline)
    answer_with_the_key(page)
    page.get_by_label("Trainee ID").fill("T-001")
    page.get_by_label("Name", exact=True).fill("Amara Diallo")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    assert download.value.suggested_filename == "quiz-week-1-T-001.json"
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    answers = read_answer_file(saved)
    assert (answers.quiz, answers.edition, answers.trainee_id, answers.name) == \
        ("week-1", QUIZ.edition, "T-001", "Amara Diallo")
    assert score_answers(answers, BANK) == 10
    assert "quiz-week-1-T-001.json" in status(page)
    assert offline.blocked == [] and offline.errors == []


def test_download_needs_a_trainee_id(site, offline):
    page = open_quiz(site, offline)
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Download my answers").click()
    trainee_id = page.get_by_label("Trainee ID")
    assert trainee_id.evaluate("el => el === document.activeElement")
    assert trainee_id.get_attribute("aria-invalid") == "true"
    # The message is tied to the field, so a screen reader reads it with the field.
    assert "Enter your Trainee ID" in page.locator("#" + trainee_id.get_attribute("aria-describedby")).inner_text()
    assert "not downloaded" in status(page)
    page.wait_for_timeout(300)
    assert downloads == []
    assert offline.blocked == [] and offline.errors == []


def test_answers_survive_a_reload_until_cleared(site, offline):
    page = open_quiz(site, offline)
    first, second = QUIZ.questions[:2]
    question(page, first).get_by_label(first.options["b"], exact=True).check()
    question(page, second).get_by_label(second.options["c"], exact=True).check()
    page.get_by_label("Trainee ID").fill("T-007")
    page.get_by_label("Name", exact=True).fill("Nguyễn Thị Lan")
    page.reload()
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    assert question(page, first).get_by_label(first.options["b"], exact=True).is_checked()
    assert question(page, second).get_by_label(second.options["c"], exact=True).is_checked()
    assert page.get_by_label("Trainee ID").input_value() == "T-007"
    assert page.get_by_label("Name", exact=True).input_value() == "Nguyễn Thị Lan"
    assert "2 of 10 answered" in status(page)
    # Another week's quiz keeps its own answers.
    other = open_quiz(site, offline, "week-2")
    assert other.locator("input[type=radio]:checked").count() == 0
    page = open_quiz(site, offline)
    page.get_by_role("button", name="Clear my answers").click()
    page.reload()
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.get_by_label("Trainee ID").input_value() == ""
    assert offline.blocked == [] and offline.errors == []


def _tab_to(page, predicate: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            return
    raise AssertionError(f"Tab never reached: {predicate}")


def test_quiz_works_by_keyboard_alone(site, offline, tmp_path):
    page = open_quiz(site, offline)
    first = QUIZ.questions[0]
    page.keyboard.press("Tab")                  # Material's "Skip to content" link comes first
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    _tab_to(page, "el.type === 'radio' && el.closest('.course-quiz') !== null")
    assert page.evaluate("document.activeElement.name") == f"week-1-{first.id}"
    page.keyboard.press("ArrowDown")            # arrows move through a question's options and choose
    group = question(page, first)
    assert group.locator("input[value=b]").is_checked()
    page.keyboard.press("ArrowDown")
    assert group.locator("input[value=c]").is_checked()
    _tab_to(page, "el.textContent === 'Check my answers'")
    page.keyboard.press("Enter")
    assert "of 10 correct" in status(page)
    _tab_to(page, "el.textContent === 'Download my answers'")
    page.keyboard.press("Space")                # no Trainee ID yet: focus goes to the field
    assert page.evaluate("document.activeElement.id") == "week-1-trainee-id"
    page.keyboard.type("T-042")
    _tab_to(page, "el.textContent === 'Download my answers'")
    page.keyboard.press("Space")                # 9 not answered: named, and focus goes to the question asked
    assert page.evaluate("document.activeElement.classList.contains('course-quiz__unanswered-text')")
    _tab_to(page, "el.textContent === 'Download anyway'")
    with page.expect_download() as download:
        page.keyboard.press("Space")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    assert read_answer_file(saved).answers == {first.id: "c"}
    assert offline.blocked == [] and offline.errors == []


def test_quiz_fits_a_phone_screen(site, offline):
    page = offline.page
    page.set_viewport_size({"width": 375, "height": 800})
    page = open_quiz(site, offline)
    answer_with_the_key(page)
    page.get_by_role("button", name="Check my answers").click()     # the feedback must fit too
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"horizontal scroll at 375 px: content {widths[0]} px wide"
    assert offline.blocked == [] and offline.errors == []


def test_quiz_page_passes_axe_before_and_after_checking(site, offline):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = open_quiz(site, offline)

    def blocking():     # the quiz itself; tests/test_a11y.py checks every whole page
        results = axe.run(page, context=".course-quiz").response
        return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
                for v in results["violations"] if v.get("impact") in ("serious", "critical")]

    assert blocking() == []
    answer_with_the_key(page)
    question(page, QUIZ.questions[0]).get_by_label(
        QUIZ.questions[0].options[next(x for x in "abcd" if x != QUIZ.questions[0].answer)], exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    page.wait_for_timeout(400)      # let Material's button colour transition settle before measuring contrast
    assert blocking() == []
    assert offline.blocked == []


def test_practice_checking_is_labelled_and_recorded_in_the_answer_file(site, offline, tmp_path):
    page = open_quiz(site, offline)
    intro = page.locator(".course-quiz__mode").inner_text()
    assert intro.startswith("Practice edition.") and "is practice" in intro and "0.5 points" in intro
    answer_with_the_key(page)
    page.get_by_label("Trainee ID").fill("T-001")
    with page.expect_download() as first:
        page.get_by_role("button", name="Download my answers").click()
    first.value.save_as(tmp_path / "first.json")
    assert json.loads((tmp_path / "first.json").read_text())["checked"] is False
    page.get_by_role("button", name="Check my answers").click()
    page.reload()                               # the flag is kept with the answers
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    with page.expect_download() as second:
        page.get_by_role("button", name="Download my answers").click()
    second.value.save_as(tmp_path / "second.json")
    data = json.loads((tmp_path / "second.json").read_text())
    assert (data["checked"], data["mode"]) == (True, "practice")
    assert score_answers(read_answer_file(tmp_path / "second.json"), BANK) == 10     # the score is unchanged
    assert "checked on the page before download" in status(page)
    page.get_by_role("button", name="Clear my answers").click()
    answer_with_the_key(page)
    page.get_by_label("Trainee ID").fill("T-001")
    with page.expect_download() as third:
        page.get_by_role("button", name="Download my answers").click()
    third.value.save_as(tmp_path / "third.json")
    assert json.loads((tmp_path / "third.json").read_text())["checked"] is False
    assert offline.blocked == [] and offline.errors == []


def test_unanswered_questions_are_named_and_download_waits_for_confirmation(site, offline, tmp_path):
    page = open_quiz(site, offline)
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    for q in QUIZ.questions[:7] + QUIZ.questions[8:9]:
        question(page, q).get_by_label(q.options[q.answer], exact=True).check()
    page.get_by_label("Trainee ID").fill("T-002")
    page.get_by_role("button", name="Download my answers").click()
    ask = page.locator(".course-quiz__unanswered")
    assert ask.is_visible()
    assert ask.locator(".course-quiz__unanswered-text").inner_text() == \
        "Questions 8, 10 are not answered, and would score nothing. Download your answers anyway?"
    page.wait_for_timeout(300)
    assert downloads == []
    page.get_by_role("button", name="Answer them first").click()
    assert ask.is_hidden()
    assert page.evaluate("document.activeElement.name") == f"week-1-{QUIZ.questions[7].id}"
    page.get_by_role("button", name="Download my answers").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download anyway").click()
    download.value.save_as(tmp_path / "partial.json")
    assert len(read_answer_file(tmp_path / "partial.json").answers) == 8
    assert offline.blocked == [] and offline.errors == []
