"""One short page per trainee saying what they have handed in and what they still need; an index for the tutor."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Iterable

from ..content.ui import number
from ..grading.progress import Progress
from .certificates import file_name
from .files import atomic_folder
from .report import _CSS, _table
from .wording import Wording, Wordings


def _head(title: str, lang: str) -> list[str]:
    return ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>"]


def render_progress(p: Progress, wording: Wording) -> str:
    """The page a tutor sends to one trainee, in the trainee's language."""
    t, course, say = p.trainee, wording.course, wording.words
    a, lang = course.assessment, say.lang
    title = say("page.progress_title", name=t.name)
    not_yet = say("page.not_yet")
    rows = []
    for n, correct in enumerate(t.quizzes, start=1):
        done = not_yet if correct is None else say("page.quiz_done", correct=correct, questions=a.quiz_questions,
                                                   points=number(correct * a.points_per_correct, lang))
        rows.append([escape(say("page.quiz", n=n)), escape(done)])
    rows.append([escape(say("page.group_work")), escape(not_yet if t.group_work is None else say(
        "page.points_of", points=number(t.group_work, lang), max=number(a.group_work_max, lang)))])
    rows.append([escape(say("page.final_essay")), escape(not_yet if t.essay is None else say(
        "page.points_of", points=number(sum(t.essay), lang), max=number(a.essay_max, lang)))])
    if t.bonus is not None:
        rows.append([escape(say("page.bonus")), escape(say("page.points_of", points=number(t.bonus, lang),
                                                           max=number(a.bonus_max, lang)))])
    needs = "".join(f"<li><strong>{escape(say('page.outlook', label=say(f'cert.{o.certificate}'), state=say(f'progress.state.{o.state}')))}"
                    f"</strong> {escape(o.reason)}</li>" for o in p.outlooks)
    start, end = wording.date(course.edition.start), wording.date(course.edition.end)
    out = _head(title, lang) + [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(say("page.edition", course=course.title, edition=course.edition.id, start=start, end=end))} '
        f"{escape(say('page.trainee_id', id=t.trainee_id))}</p>",
        f'<h2 id="needs">{escape(say("page.still_need"))}</h2>', f"<ul>{needs}</ul>",
        f'<h2 id="so-far">{escape(say("page.handed_in"))}</h2>',
        f"<p>{escape(say('page.so_far', completed=p.now.completed_items, items=a.item_count, points=number(p.now.base, lang)))}</p>",
        _table(say("page.items_caption"), [say("page.item"), say("page.so_far_heading")], rows, numeric=set()),
        f"<p>{say('page.blank_means')}</p>",
        "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_index(pages: list[tuple[Progress, str]], wording: Wording, scores: str) -> str:
    """The tutor's index of every trainee's page, in the language the command was given."""
    course, say = wording.course, wording.words
    title = say("index.progress_title", course=course.title, edition=course.edition.id)
    rows = [[escape(p.trainee.trainee_id), f'<a href="{escape(page)}">{escape(p.trainee.name)}</a>',
             *(escape(say("index.outlook", state=say(f"progress.state.{o.state}"), reason=o.reason)) for o in p.outlooks)]
            for p, page in pages]
    return "\n".join(_head(title, wording.lang) + [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(say("index.progress_from", scores=scores))}</p>',
        _table(say("index.progress_caption"), [say("index.trainee_id"), say("index.name"), say("cert.achievement"),
                                               say("cert.participation")], rows, numeric=set()),
        "</main>", "</body>", "</html>", ""])


def write_progress(progress: Iterable[Progress], wordings: Wordings, out: Path, scores: str) -> int:
    """The index and one page per trainee (in the trainee's language), written into `out` in one step;
    the number of trainees."""
    pages = []
    with atomic_folder(out) as folder:
        for p in progress:
            page = file_name(p.trainee.trainee_id, f"row{p.trainee.row}")
            (folder / page).write_text(render_progress(p, wordings(p.trainee.language)), encoding="utf-8")
            pages.append((p, page))
        (folder / "index.html").write_text(render_index(pages, wordings(), scores), encoding="utf-8")
    return len(pages)
