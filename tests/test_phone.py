"""Phones at 320 and 375 px, in real Chromium over every page: the page never scrolls sideways, wide
tables keep their first column in view and say in words that they scroll, quiz options use the width."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (320, 375)

# For each table box that scrolls: is there a hint just before it, and does the first cell stay in view
# once the box is scrolled to its far end?
TABLES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
  .filter(w => w.scrollWidth > w.clientWidth + 1)
  .map(w => {
    const hint = w.previousElementSibling;
    w.scrollLeft = w.scrollWidth;
    const first = w.querySelector('tr > :first-child').getBoundingClientRect();
    const box = w.getBoundingClientRect();
    return {hint: !!hint && hint.classList.contains('course-table-hint') && hint.offsetHeight > 0,
            scrolled: w.scrollLeft > 0, firstInView: first.left >= box.left - 1 && first.right <= box.right,
            keyboard: w.tabIndex === 0 && !!w.getAttribute('aria-label')};
  })"""

QUIZ = """() => [...document.querySelectorAll('.course-quiz__question')].map(q => {
  const inner = q.getBoundingClientRect().width;
  const options = [...q.querySelectorAll('.course-quiz__options > li')].map(li => li.getBoundingClientRect().width);
  const legend = q.querySelector('legend').getBoundingClientRect();
  return {share: Math.min(...options) / inner, legendTop: legend.top - q.getBoundingClientRect().top};
})"""


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def phone(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 700}, is_mobile=True,
                                  has_touch=True)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_and_wide_tables_stay_readable(phone, site, pages):
    problems, wide_tables = [], 0
    for path in pages:
        phone.goto(path.as_uri())
        name = path.relative_to(site).as_posix()
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            problems.append(f"{name}: page {overflow}px wider than the screen")
        for i, table in enumerate(phone.evaluate(TABLES)):
            wide_tables += 1
            for what, ok in table.items():
                if not ok:
                    problems.append(f"{name}: wide table {i + 1}: {what} fails")
    assert problems == []
    assert wide_tables > 0            # the course has wide tables: the checks above ran on some


def test_quiz_options_use_the_width_and_each_question_carries_its_number(phone, site):
    phone.goto((site / "quizzes" / "week-1.html").as_uri())
    questions = phone.evaluate(QUIZ)
    assert len(questions) == 10
    for q in questions:
        assert q["share"] >= 0.85, q          # each option spans the question's box, not a narrow column
    # The number is in each question's name as Chromium gives it to screen readers.
    cdp = phone.context.new_cdp_session(phone)
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    names = [n["name"]["value"] for n in tree
             if n.get("role", {}).get("value") == "group" and n.get("name", {}).get("value")]
    numbered = [name for name in names if re.match(r"^\d+\. \w", name)]
    assert [int(name.split(".")[0]) for name in numbered] == list(range(1, 11)), names
