"""One short page per trainee saying what they have handed in and what they still need; an index for the tutor."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Iterable

from ..content.definition import Course
from ..grading.numbers import number
from ..grading.progress import LABELS, Progress
from .certificates import file_name
from .files import atomic_folder
from .report import _CSS, _table

STATE_TEXT = {"earned": "earned", "within reach": "within reach", "out of reach": "out of reach"}


def _head(title: str) -> list[str]:
    return ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>"]


def render_progress(p: Progress, course: Course) -> str:
    """The page a tutor sends to one trainee."""
    t, a = p.trainee, course.assessment
    title = f"Your progress: {t.name}"
    rows = []
    for n, correct in enumerate(t.quizzes, start=1):
        done = "Not handed in yet" if correct is None else \
            f"{correct} of {a.quiz_questions} right: {number(correct * a.points_per_correct)} points"
        rows.append([f"Quiz {n}", escape(done)])
    rows.append(["Group work", "Not handed in yet" if t.group_work is None else
                 f"{number(t.group_work)} of {number(a.group_work_max)} points"])
    rows.append(["Final essay", "Not handed in yet" if t.essay is None else
                 f"{number(sum(t.essay))} of {number(a.essay_max)} points"])
    if t.bonus is not None:
        rows.append(["Participation bonus", f"{number(t.bonus)} of {number(a.bonus_max)} points"])
    needs = "".join(f"<li><strong>{LABELS[o.certificate]}: {STATE_TEXT[o.state]}.</strong> {escape(o.reason)}</li>"
                    for o in p.outlooks)
    out = _head(title) + [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(course.title)}, edition {escape(course.edition.id)} '
        f"({course.edition.start:%d %B %Y} to {course.edition.end:%d %B %Y}). Trainee ID: {escape(t.trainee_id)}.</p>",
        '<h2 id="needs">What you still need</h2>', f"<ul>{needs}</ul>",
        '<h2 id="so-far">What you have handed in</h2>',
        f"<p>{p.now.completed_items} of {a.item_count} items completed, {number(p.now.base)} points so far.</p>",
        _table("Your items and points", ["Item", "So far"], rows, numeric=set()),
        "<p>A blank in your tutor's sheet means the work is not handed in yet. The certificate rules are "
        "explained on the course's <em>Assessment and certificates</em> page.</p>",
        "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_index(pages: list[tuple[Progress, str]], course: Course, scores: str) -> str:
    title = f"What each trainee still needs: {course.title}, edition {course.edition.id}"
    rows = [[escape(p.trainee.trainee_id), f'<a href="{escape(page)}">{escape(p.trainee.name)}</a>',
             *(escape(f"{STATE_TEXT[o.state]}: {o.reason}") for o in p.outlooks)] for p, page in pages]
    return "\n".join(_head(title) + [
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">From {escape(scores)}. One page per trainee, to send as it is.</p>',
        _table("Trainees and what they still need", ["Trainee ID", "Name", "Achievement", "Participation"], rows,
               numeric=set()),
        "</main>", "</body>", "</html>", ""])


def write_progress(progress: Iterable[Progress], course: Course, out: Path, scores: str) -> int:
    """The index and one page per trainee, written into `out` in one step; the number of trainees."""
    pages = []
    with atomic_folder(out) as folder:
        for p in progress:
            page = file_name(p.trainee.trainee_id, f"row{p.trainee.row}")
            (folder / page).write_text(render_progress(p, course), encoding="utf-8")
            pages.append((p, page))
        (folder / "index.html").write_text(render_index(pages, course, scores), encoding="utf-8")
    return len(pages)
