"""Honest hours: every activity's stated time is within 30 % of what its built pages ask a trainee to do."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import source_lines
from reading import words

from course.content.definition import load_course
from course.content.study_time import Content, study_hours, within_tolerance

COURSE = load_course()

# Not read as course text: the checklists (timed per item), the Sources list, scripts, permalinks.
NOT_READ = ("fieldset.course-checklist", ".course-sources", "script", ".headerlink", "nav")


def html(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page.replace(".md", ".html")).read_text(encoding="utf-8"), "html.parser")


def is_question_section(heading) -> bool:
    """"For your country" (modules) and "Discussion questions" / "Questions for the forum" (case studies)."""
    return heading.get_text(" ", strip=True).startswith(("For your country", "Discussion questions", "Questions for"))


def workbook_questions(article) -> int:
    """The questions of the page's question sections: their list items, not counting nested ones."""
    count = 0
    for heading in filter(is_question_section, article.select("h2")):
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            lists = [sibling] if sibling.name in ("ol", "ul") else sibling.select("ol, ul")
            count += sum(len(x.find_all("li", recursive=False)) for x in lists if not x.find_parent("li"))
    return count


def content_of(site, activity, counted: set[str]) -> Content:
    """Count an activity's content on its built pages; a page shared by two activities is read once."""
    read = checklist = workbook = exercises = quiz = 0
    minutes = 0
    for page in (activity.page, *activity.more_pages):
        soup = html(site, page).select_one("article")
        minutes += sum(int(li["data-minutes"]) for ul in soup.select(f'.course-tasks[data-activity="{activity.id}"]')
                       for li in ul.select("li[data-minutes]"))
        read += sum(int(p["data-reading-words"]) for p in soup.select(f'[data-activity="{activity.id}"][data-reading-words]'))
        if page in counted:
            continue
        counted.add(page)
        checklist += len(soup.select("fieldset.course-checklist li"))
        workbook += workbook_questions(soup)
        exercises += len(soup.select(".course-exercise"))
        quiz += len(soup.select(".course-quiz__question"))
        for tag in soup.select(",".join(NOT_READ)):
            tag.decompose()
        read += words(soup.get_text(" "))
    written = sum(COURSE.assessment.essay_words) // 2 if activity.kind == "assignment" else 0
    return Content(words_read=read, checklist_items=checklist, workbook_questions=workbook,
                   exercises=exercises, quiz_questions=quiz, words_written=written, task_minutes=minutes)


@pytest.fixture(scope="module")
def measured(site):
    counted: set[str] = set()
    return {a.id: (a, content_of(site, a, counted)) for a in COURSE.activities()}


def test_print_stated_and_measured_hours(measured, capsys):
    with capsys.disabled():
        print(f"\n{'activity':24} {'stated h':>8} {'measured h':>10} {'words read':>10} {'boxes':>5} "
              f"{'questions':>9} {'exercises':>9} {'tasks min':>9}")
        for a, c in measured.values():
            print(f"{a.id:24} {a.hours:8g} {study_hours(c):10.2f} {c.words_read:10} {c.checklist_items:5} "
                  f"{c.workbook_questions + c.quiz_questions:9} {c.exercises:9} {c.task_minutes:9g}")
        for w in COURSE.weeks:
            stated = w.hours
            real = sum(study_hours(measured[a.id][1]) for a in w.activities)
            print(f"week {w.number}: stated {stated:g} h, measured {real:.1f} h")


def test_every_stated_time_is_within_30_percent_of_the_content(measured):
    off = [f"{a.id}: stated {a.hours:g} h, the content takes {study_hours(c):.2f} h "
           f"(allowed {0.7 * study_hours(c):.2f} to {1.3 * study_hours(c):.2f})"
           for a, c in measured.values() if not within_tolerance(a.hours, study_hours(c))]
    assert not off, "\n".join(off)


def test_the_weeks_add_up_to_the_course_hours():
    assert sum(w.hours for w in COURSE.weeks) == COURSE.hours == 60


def test_the_rates_against_a_sum_done_by_hand():
    content = Content(words_read=1500, checklist_items=4, workbook_questions=3, exercises=2, quiz_questions=5,
                      words_written=600, task_minutes=30)
    # 10 + 6 + 24 + 20 + 10 + (600 / 300 h = 120 min, plus half again = 180) + 30 = 280 minutes
    assert study_hours(content) == pytest.approx(280 / 60)
    assert within_tolerance(1.3, 1.0) and not within_tolerance(1.31, 1.0) and not within_tolerance(0.69, 1.0)


# Where each source chapter named in course.yml runs in the source text: (document, where) -> line ranges.
CHAPTERS = {
    ("001", "Section 1"): [(221, 485)],
    ("001", "Section 2, Overview, and Step 1"): [(486, 527)],
    ("001", "Step 2"): [(528, 707)],
    ("001", "Step 3"): [(708, 833)],
    ("001", "Step 4"): [(834, 1450)],
    ("001", "Step 4, sections 4.1, 4.2, 4.4, 4.5 and 4.7"): [(834, 1071), (1136, 1303), (1426, 1450)],
    ("001", "Step 4, section 4.3"): [(1072, 1135)],
    ("001", "Step 4, section 4.6"): [(1304, 1425)],
    ("001", "Step 5"): [(1451, 1467)],
    ("001", "Step 6"): [(1468, 1618)],
    ("000", "Section 1"): [(104, 398)],
    ("000", "Section 2"): [(399, 774)],
    ("000", "Section 3"): [(775, 1218)],
    ("000", "Section 4"): [(1219, 1593)],
    ("000", "Section 5"): [(1594, 1969)],
}


@pytest.mark.parametrize("activity", [a for a in COURSE.activities() if a.reading], ids=lambda a: a.id)
def test_source_reading_words_are_counted_in_the_source(activity):
    for r in activity.reading:
        key = (r.citation.document.key, r.citation.where)
        assert key in CHAPTERS, f"{activity.id}: {key} has no line range in CHAPTERS"
        lines = source_lines(key[0])
        counted = sum(len(line.split()) for first, last in CHAPTERS[key] for line in lines[first - 1:last])
        assert abs(counted - r.words) <= 0.02 * counted, f"{activity.id}: {key} has {counted} words, not {r.words}"


def test_every_module_page_asks_for_its_source_reading(site):
    for a in COURSE.activities("module"):
        asked = html(site, a.page).select(f'[data-activity="{a.id}"][data-reading-words]')
        assert len(asked) == len(a.reading), f"{a.page}: the page does not ask for the reading course.yml counts"


def test_no_source_chapter_is_counted_twice():
    """Two activities may not both count the same lines of a source (the time would be counted twice)."""
    seen: dict[tuple[str, int], str] = {}
    for a in COURSE.activities():
        for r in a.reading:
            key = (r.citation.document.key, r.citation.where)
            for first, last in CHAPTERS.get(key, []):
                for line in range(first, last + 1):
                    other = seen.setdefault((key[0], line), a.id)
                    assert other == a.id, f"{key[0]} line {line} is read in both {other} and {a.id}"
