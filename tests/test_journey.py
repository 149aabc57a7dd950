"""The learner's journey: week-by-week navigation from course.yml, Next/Previous in course order,
every activity ending with its next step, and progress shown offline (home, syllabus, menu)."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from course.content import load

CONTENT = load()
COURSE = CONTENT.course
ACTIVITIES = [a for a in COURSE.activities() if a.page]


def html_of(page: str) -> str:
    return posixpath.splitext(page)[0] + ".html"


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / html_of(page)).read_text(encoding="utf-8"), "html.parser")


def test_the_menu_lists_each_week_with_its_activities_in_course_order(site):
    for week in COURSE.weeks:
        pages = [a for a in week.activities if a.page]
        doc = soup(site, pages[0].page)       # navigation.prune: a page's menu holds its own week
        section = next(li for li in doc.select("nav.md-nav--primary li.md-nav__item--nested")
                       if li.find("label") and " ".join(li.find("label").get_text().split()) == f"Week {week.number}")
        links = [" ".join(a.get_text().split()) for a in section.select("ul a.md-nav__link")
                 if "#" not in a.get("href", "")]
        assert links == [a.title for a in pages], f"week {week.number}"


def test_the_tabs_are_home_the_weeks_then_reference_and_tutors(site):
    doc = soup(site, "index.md")
    tabs = [" ".join(a.get_text().split()) for a in doc.select(".md-tabs__link")]
    assert tabs[0] == "Home"
    assert tabs[1:1 + len(COURSE.weeks)] == [f"Week {w.number}" for w in COURSE.weeks]
    assert tabs[-1] == "For tutors and centres"


def test_each_activity_page_ends_with_its_next_step_from_course_yml(site):
    for i, activity in enumerate(ACTIVITIES):
        block = soup(site, activity.page).select_one(".course-next-step")
        assert block is not None and block["data-activity"] == activity.id, activity.page
        for abbr in block.select("abbr"):    # glossary acronyms are wrapped; read the words as shown
            abbr.unwrap()
        block.smooth()
        text = " ".join(block.get_text(" ").split())
        if i + 1 == len(ACTIVITIES):
            assert "last activity of the course" in text
            continue
        following = ACTIVITIES[i + 1]
        link = block.select_one("p a[href]")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(html_of(activity.page)), link["href"]))
        assert target == html_of(following.page), activity.page
        assert following.title in text
        same_week = COURSE.week_of(following.id).number == COURSE.week_of(activity.id).number
        assert (f"Next in week {COURSE.week_of(activity.id).number}" in text) == same_week


def test_no_leftovers_of_the_2022_live_course_in_trainee_pages(site, pages):
    tutors = {site / "tutors.html", site / "hosting.html"}
    found = []
    for path in pages:
        if path in tutors:
            continue
        text = " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        for word in ("webinar", "discussion forum", "Questions for the forum"):
            if word.lower() in text.lower():
                found.append(f"{path.relative_to(site)}: {word}")
    assert found == []
    agenda = " ".join(BeautifulSoup((site / "tutors.html").read_text(encoding="utf-8"), "html.parser")
                      .get_text(" ").split())
    assert "2022 agenda" in agenda and "Closing webinar" in agenda


# --- In real Chromium, from file://, every non-file request blocked ------------------------------

def footer_next(page):
    link = page.locator("a.md-footer__link--next")
    return link if link.count() else None


@pytest.mark.browser
def test_next_leads_from_start_here_through_every_activity_in_course_order(site, offline):
    page = offline.page
    page.goto((site / "start-here.html").as_uri())
    walked = []
    while True:
        walked.append(page.url.removeprefix(site.as_uri() + "/"))
        link = footer_next(page)
        if link is None or len(walked) > 100:
            break
        link.click()
        page.wait_for_load_state()
    assert walked == [html_of(a.page) for a in ACTIVITIES]
    # And Previous walks it back.
    back = []
    while True:
        link = page.locator("a.md-footer__link--prev")
        back.append(page.url.removeprefix(site.as_uri() + "/"))
        if not link.count() or len(back) > 100:
            break
        link.click()
        page.wait_for_load_state()
    assert back == list(reversed(walked)) + ["index.html"]
    assert offline.blocked == [] and offline.errors == []


def progress_ready(page):
    page.locator('html[data-course-progress="ready"]').wait_for()


def status_of(page, activity_id: str) -> str:
    return page.locator(f'.course-progress__status[data-activity="{activity_id}"]').first.inner_text()


def menu_link(page, title: str):
    return page.locator("nav.md-nav--primary a.md-nav__link", has_text=title).first


@pytest.mark.browser
def test_ticks_and_quiz_answers_show_on_home_syllabus_and_in_the_menu(site, offline):
    page = offline.page
    page.goto((site / "index.html").as_uri())
    progress_ready(page)
    assert status_of(page, "foundations") == "Not started"
    assert status_of(page, "quiz-1") == "Not started"
    assert page.locator('.course-progress__week[data-week="1"]').inner_text() == "0 of 3 activities done."

    # Week 1's module: tick every box of its checklist, read to the end.
    page.goto((site / "modules" / "foundations.html").as_uri())
    progress_ready(page)
    checklist = CONTENT.checklists["foundations-principles"]
    page.get_by_role("heading", name="Your next step").scroll_into_view_if_needed()
    page.locator(".course-finished__status", has_text="marked as finished").wait_for()
    assert page.locator(".course-finished").inner_text() == "Mark as not finished"
    # Read to the end, but its checklist not ticked: in progress, not done.
    assert "(in progress)" in menu_link(page, "Foundations").locator(".course-nav-mark").text_content()
    for item in checklist.items:
        page.locator(f'[data-checklist="{checklist.id}"] input[data-item="{item.id}"]').first.check()
    mark = menu_link(page, "Foundations").locator(".course-nav-mark")
    assert mark.inner_text().strip() == "✓ (done)" or "(done)" in mark.text_content()

    # Quiz 1: half the questions answered is "in progress", in words.
    quiz = CONTENT.quiz_bank.quiz("week-1")
    page.goto((site / "quizzes" / "week-1.html").as_uri())
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    for q in quiz.questions[:5]:
        page.locator(f'fieldset[data-question="{q.id}"] input[value="a"]').check()
    assert "(in progress)" in menu_link(page, "Quiz 1").locator(".course-nav-mark").text_content()

    page.goto((site / "index.html").as_uri())
    progress_ready(page)
    assert status_of(page, "foundations") == "Done"
    assert status_of(page, "quiz-1") == "In progress: 5 of 10 questions answered"
    assert page.locator('.course-progress__week[data-week="1"]').inner_text() == "1 of 3 activities done."
    cont = page.locator(".course-progress__continue").inner_text()
    assert cont.startswith("Continue where you left off: Quiz 1")
    assert "First activity not yet done: Start here" in cont

    page.goto((site / "syllabus.html").as_uri())
    progress_ready(page)
    assert status_of(page, "foundations") == "Done"
    assert status_of(page, "step-1") == "Not started"
    assert offline.blocked == [] and offline.errors == []


@pytest.mark.browser
def test_reaching_the_end_marks_finished_and_the_button_undoes_it_by_keyboard(site, offline):
    page = offline.page
    page.set_viewport_size({"width": 1280, "height": 400})
    page.goto((site / "start-here.html").as_uri())
    progress_ready(page)
    button = page.locator(".course-finished")
    assert button.inner_text() == "I have finished this"        # the end of the page is not in view yet
    button.focus()                                              # brings the end of the page into view
    page.locator(".course-finished__status", has_text="marked as finished").wait_for()
    assert button.inner_text() == "Mark as not finished"
    page.keyboard.press("Enter")
    assert button.inner_text() == "I have finished this"
    assert page.locator(".course-finished__status").inner_text() == "Marked as not finished."
    page.keyboard.press("Enter")
    assert page.locator(".course-finished__status").inner_text() == "Marked as finished."
    page.keyboard.press("Enter")
    page.goto((site / "index.html").as_uri())
    progress_ready(page)
    assert status_of(page, "start") == "Not started"
    assert offline.errors == []


@pytest.mark.browser
def test_a_week_stays_whole_in_the_phone_menu(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto((site / "modules" / "step-2.html").as_uri())
        page.locator("label.md-header__button[for=__drawer]").click()
        drawer = page.locator("nav.md-nav--primary")
        week = [a for a in COURSE.weeks if any(x.id == "step-2" for x in a.activities)][0]
        for activity in week.activities:
            assert drawer.get_by_role("link", name=activity.title).first.is_visible() or \
                drawer.get_by_text(activity.title).first.is_visible(), activity.title
    finally:
        context.close()


@pytest.mark.browser
def test_progress_controls_pass_axe(site, offline):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = offline.page
    page.goto((site / "modules" / "step-1.html").as_uri())
    page.get_by_label("Who will lead, and who will carry out the policy?").first.check()
    page.locator(".course-next-step").scroll_into_view_if_needed()
    page.locator(".course-finished__status", has_text="marked as finished").wait_for()
    for name in ("index.html", "syllabus.html", "modules/step-1.html"):
        page.goto((site / name).as_uri())
        progress_ready(page)
        results = axe.run(page).response
        bad = [f"{v['id']}: {v['help']}" for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert bad == [], name
