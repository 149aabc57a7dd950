"""The French build speaks French: no English interface text on its pages, before or after the scripts
write theirs, and a French quiz answered by the key scores 10/10 and grades to 5 points like the English one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from course.content import load
from course.content.ui import UI, load_ui
from course.translations import page_pairs

from conftest import ROOT
from sheets import results, row, run, write_sheet

FR = load_ui(lang="fr")
BANK = load().quiz_bank
QUIZ = BANK.quiz("week-1")


TRANSLATED = {pair.page for pair in page_pairs(ROOT, "fr") if pair.translation is not None}


def translated(page: str) -> bool:
    """Whether the built page `page` (e.g. "modules/step-1.html") has its French source: until it has, the
    draft build shows the English page, where only what the macros and scripts write is ours to check."""
    return page.startswith("quizzes/") or page[:-len(".html")] + ".md" in TRANSLATED


# Until a page is translated, only what the macros and scripts write is ours to check on it.
GENERATED = (".md-nav, .course-checklist, .course-quiz, .course-file, .course-exercise, .course-workbook__actions, "
             ".course-workbook, .course-next-step, .course-progress, .course-module-intro, .course-reading, "
             ".course-tasks, .course-table-hint, .course-glossary-index, .course-tool .course-source, "
             ".md-typeset__scrollwrap, .course-finished__status")


def english_fragments() -> list[str]:
    """The distinctive pieces of every English interface text: three words or more between placeholders
    and Markdown marks, and not written the same in French."""
    data = yaml.safe_load(UI.read_text(encoding="utf-8"))
    # the site's own text; `documents` is what the grader writes (its French is tested with the grader)
    texts = [t for name, section in data.items() if name != "documents" for t in section.values()]
    french = " ".join(t["fr"] for t in texts)
    out = set()
    for t in texts:
        for piece in re.split(r"\{[^}]*\}|\*\*|\]\([^)]*\)|[\[\]`]", t["en"]):
            piece = piece.strip(" .,:;()")
            if len(re.findall(r"[A-Za-z']+", piece)) >= 3 and piece not in french:
                out.add(piece)
    return sorted(out)


FRAGMENTS = english_fragments()
# ("Step 1" is left out: a citation's place in an English publication stays as published, "001, Step 1, Box 3".)
SHORT = re.compile(r"^\s*(Week \d|Checklist:|Exercise \d)|\b\d+(\.\d+)? hours?\b", re.M)   # a label starts its line


def english_in(text: str, draft: bool = False) -> list[str]:
    # Titles such as "Step 4: ..." are translated content: on the English draft pages only phrases count.
    short = [] if draft else [m.group(0).strip() for m in SHORT.finditer(text)]
    text = re.sub(r"\s+", " ", text)
    return [f for f in FRAGMENTS if f in text] + short


def test_the_fragments_find_the_english_interface():
    """The check itself: it finds English interface text where there is some (the English build's words)."""
    assert len(FRAGMENTS) > 150
    en = load_ui(lang="en")
    assert english_in(en("quiz.score", right=10, total=10) + " " + en("file.forget"))
    assert english_in(en("module_intro", n=2, hours="2 hours", syllabus="s", glossary="g"))
    assert not english_in(" ".join(FR(k, **{n: 1 for n in re.findall(r"\{(\w+)\}", v)})
                                   for k, v in {**FR.pages, **FR.scripts}.items()))


def test_each_quiz_has_the_same_edition_in_both_languages(monkeypatch):
    """The edition goes into answer files and storage keys: French answers carry over and are graded alike."""
    monkeypatch.delenv("COURSE_DRAFT_TRANSLATION", raising=False)
    french = load(lang="fr").quiz_bank
    assert {k: q.edition for k, q in french.quizzes.items()} == {k: q.edition for k, q in BANK.quizzes.items()}


@pytest.fixture(scope="module")
def french_site(site_fr) -> Path:
    return site_fr


# Where a citation locates a passage in an English publication ("Step 5, Table 12 (Checklist: ...)"):
# it stays as published (FRENCH.md), so it is not interface text.
CITATIONS = ".course-sources, .course-cite"
# What a reader meets on a page: its visible text and the names and hints given to assistive technology.
READ = """([selector, citations]) => {
  const roots = selector ? Array.from(document.querySelectorAll(selector)) : [document.body];
  const out = [document.title];
  roots.forEach((root) => {
    let text = root.innerText;
    root.querySelectorAll(citations).forEach((el) => { text = text.split(el.innerText).join(' '); });
    out.push(text);
    [root, ...root.querySelectorAll('*')].forEach((el) => {
      if (el.closest(citations)) return;
      ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'].forEach((name) => {
        if (el.hasAttribute(name)) out.push(el.getAttribute(name));
      });
    });
  });
  return out.join('\\n');
}"""


def assert_french(page, where: str) -> None:
    path = page.evaluate("document.getElementById('course-data') && 1") and \
        page.url[len(page.evaluate("new URL(JSON.parse(document.getElementById('course-data').textContent).root, "
                                   "location.href).href")):]
    draft = not translated(path)
    found = english_in(page.evaluate(READ, [GENERATED if draft else None, CITATIONS]), draft=draft)
    assert not found, f"{where}: English interface text on a French page: {found}"


def static_text(html: str, draft: bool = False) -> str:
    """The text and the accessible names and hints of a built page (of its generated parts, for a draft page)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select("script, style, " + CITATIONS):
        element.decompose()
    roots = soup.select(GENERATED) if draft else [soup]
    out = []
    for root in roots:
        out.append(root.get_text("\n"))
        out += [el.get(name) for el in root.find_all(True)
                for name in ("aria-label", "title", "placeholder", "alt") if el.get(name)]
    return " ".join(out)


def test_french_pages_as_built_have_no_english_interface_text(french_site):
    pages = sorted(p for p in french_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 30
    problems = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="fr"' in html, page
        assert html.count('id="course-ui"') == 1, page       # the scripts' text, once per page
        name = page.relative_to(french_site).as_posix()
        draft = not translated(name)
        found = english_in(static_text(html, draft), draft=draft)
        if found:
            problems[str(page.relative_to(french_site))] = found
    assert not problems, problems


def test_the_french_interface_writes_numbers_the_french_way(french_site):
    syllabus = static_text((french_site / "syllabus.html").read_text(encoding="utf-8"))
    assert "0,5 h" in syllabus and not re.search(r"\b\d+\.\d+ h\b", syllabus)
    assert re.search(r"Total\u00a0: 60 heures sur 6 semaines", syllabus)
    quiz = static_text((french_site / "quizzes" / "week-1.html").read_text(encoding="utf-8"))
    assert "0,5 point par bonne réponse" in quiz


def data_of(page) -> dict:
    return page.evaluate("JSON.parse(document.getElementById('course-ui').textContent)")


def open_page(offline, site, path: str):
    page = offline.page
    page.goto((site / path).as_uri())
    page.wait_for_function("document.documentElement.getAttribute('data-course-progress') === 'ready'")
    return page


@pytest.mark.browser
def test_what_the_scripts_write_is_french(french_site, offline, tmp_path):
    # The home page: progress and "continue where you left off", before anything is done.
    page = open_page(offline, french_site, "index.html")
    assert data_of(page)["lang"] == "fr" and data_of(page)["text"] == FR.scripts
    assert FR("progress.next").strip() in page.locator(".course-progress__continue").inner_text()
    assert_french(page, "home")

    # A module: a checklist ticked and cleared, an exercise answered, finished and unfinished.
    page = open_page(offline, french_site, "modules/step-1.html")
    checklist = page.locator(".course-checklist").first
    checklist.locator("input[type=checkbox]").first.check()
    assert FR("checklist.saved", ticked=1, total=checklist.locator("input[type=checkbox]").count()) \
        in checklist.inner_text()
    assert_french(page, "checklist ticked")
    checklist.locator(".course-checklist__clear").click()
    answer = page.locator(".course-exercise .course-answer__text").first
    answer.fill("Le ministère du Travail réunit les partenaires sociaux.")
    answer.blur()
    assert FR("answer.saved") in page.locator(".course-exercise .course-answer__status").first.inner_text()
    page.locator(".course-exercise__model summary").first.click()
    finished = page.locator(".course-finished")
    finished.click()
    finished.click()
    # (Reaching the end of the page may have marked it finished first: either label, in French.)
    assert finished.inner_text() in (FR("progress.finished_button"), FR("progress.unfinish_button"))
    assert_french(page, "module")
    page.locator(".course-next-step").scroll_into_view_if_needed()
    assert_french(page, "module read to the end")

    # The quiz: no ID, unanswered questions, checked, cleared.
    page = open_page(offline, french_site, "quizzes/week-1.html")
    first = QUIZ.questions[0]
    page.locator(f"#week-1-{first.id}-{first.answer}").check()
    page.locator(".course-quiz__download").click()
    assert_french(page, "quiz without an ID")
    page.locator(".course-quiz__trainee-id").fill("T-001")
    page.locator(".course-quiz__download").click()
    assert page.locator(".course-quiz__unanswered").is_visible()
    assert_french(page, "quiz with unanswered questions")
    page.locator(".course-quiz__answer-first").click()
    page.locator(".course-quiz__check").click()
    assert_french(page, "quiz checked")
    page.locator(".course-quiz__clear").click()
    assert_french(page, "quiz cleared")

    # The course file: saved, a damaged file refused, a good one offered, then "Forget me".
    course_file = next(p for p in french_site.rglob("*.html") if 'class="course-file"' in p.read_text(encoding="utf-8"))
    page = open_page(offline, french_site, str(course_file.relative_to(french_site)))
    with page.expect_download() as download:
        page.locator(".course-file__save").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert_french(page, "course file saved")
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{not json", encoding="utf-8")
    page.locator(".course-file__input").set_input_files(str(damaged))
    page.wait_for_function("document.querySelector('.course-file__status').textContent.includes("
                           + json.dumps(FR("file.unreadable")) + ")")
    assert_french(page, "damaged course file")
    work = json.loads(saved.read_text(encoding="utf-8"))
    work["items"]["checklist:x:y"] = "1"
    work["items"]["quiz:week-1:" + QUIZ.edition] = json.dumps({"trainee_id": "T-001", "name": "", "answers": {}})
    other = tmp_path / "other.json"
    other.write_text(json.dumps(work), encoding="utf-8")
    page.locator(".course-file__input").set_input_files(str(other))
    page.locator(".course-file__confirm").wait_for(state="visible")
    assert_french(page, "course file offered")
    page.locator(".course-file__cancel").click()
    page.locator(".course-file__forget").click()
    assert_french(page, "forget me asked")
    page.locator(".course-file__forget-yes").click()
    assert_french(page, "forgotten")

    # The workbook page, and a wide table on a phone.
    page = open_page(offline, french_site, "workbook.html")
    with page.expect_download() as download:
        page.locator(".course-workbook__download").click()
    assert download.value.suggested_filename == FR("workbook.file")
    book = tmp_path / "book.html"
    download.value.save_as(book)
    assert '<html lang="fr">' in book.read_text(encoding="utf-8")
    assert not english_in(static_text(book.read_text(encoding="utf-8")), draft=not translated("workbook.html"))
    assert_french(page, "workbook")
    page.set_viewport_size({"width": 360, "height": 740})
    page = open_page(offline, french_site, "case-studies/index.html")
    page.wait_for_function("document.querySelector('.course-table-hint') !== null")
    assert page.locator(".course-table-hint").first.inner_text() == FR("table.hint")
    assert_french(page, "wide table on a phone")
    assert offline.blocked == [] and offline.errors == []


@pytest.mark.browser
def test_a_french_quiz_answered_by_the_key_scores_ten_and_grades_to_five(french_site, offline, tmp_path):
    page = offline.page
    page.goto((french_site / "quizzes" / "week-1.html").as_uri())
    page.locator('.course-quiz__status[data-ready="true"]').wait_for()
    for q in QUIZ.questions:        # the same ids and letters as the English quiz
        page.locator(f"#week-1-{q.id}-{q.answer}").check()
    page.get_by_role("button", name=FR("quiz.check")).click()
    status = page.locator(".course-quiz__status").inner_text()
    assert status == "Bonnes réponses\u00a0: 10 sur 10."      # ui.yml's French, as the trainee reads it
    page.get_by_label(FR("quiz.trainee_id")).fill("T-042")
    page.get_by_label(FR("quiz.name"), exact=True).fill("Aïssata Ouédraogo")
    with page.expect_download() as download:
        page.get_by_role("button", name=FR("quiz.download")).click()
    assert download.value.suggested_filename == "quiz-week-1-T-042.json"
    answers = tmp_path / "answers"
    answers.mkdir()
    download.value.save_as(answers / download.value.suggested_filename)
    scores = write_sheet(tmp_path / "scores.csv", [row("T-042", "Aïssata Ouédraogo", quizzes=(None,) * 6,
                                                       group_work=None, essay=None)])
    done = run("grade", scores, "--answers", answers, "-o", tmp_path / "results.csv")
    assert done.exit_code == 0, done.output
    graded = results((tmp_path / "results.csv").read_text(encoding="utf-8"))
    assert [(r["trainee_id"], r["quiz_points"]) for r in graded] == [("T-042", "5")]
    assert offline.blocked == [] and offline.errors == []


def test_what_the_macros_join_has_a_no_break_space_before_colons_and_semicolons(french_site):
    """French typography in the lists and labels the macros write: « Étape 3 : … ; Étape 4 : … »."""
    def text(path):
        return BeautifulSoup((french_site / path).read_text(encoding="utf-8"), "html.parser").article.get_text()
    # Oracle: a ':' or ';' that follows a word must have U+00A0 before it, never a plain space or nothing.
    bad = re.compile(r"(?<!\u00a0)[;:](?=\s)")
    assessment = text("assessment.html")
    assert "(10)\u00a0; " in assessment
    facts = BeautifulSoup((french_site / "case-studies" / "sri-lanka.html").read_text(encoding="utf-8"),
                          "html.parser").select_one(".admonition.info")
    steps = [row.get_text(" ") for row in facts.select("tr") if "Étape 1" in row.get_text()]
    assert steps and not bad.findall(steps[0]), steps
    guidance = text("planning/action-plan.html")
    assert "Objectif\u00a0: " in guidance and "Objectif:" not in guidance
    assert not bad.findall(assessment[assessment.index("Clarté"):assessment.index("Clarté") + 200])
