"""Item statistics as a tutor reads them: one self-contained HTML page (questions to review first), or CSV."""

from __future__ import annotations

import csv
import io
from html import escape

from ..content.quizzes import LETTERS
from ..grading.items import EASY, HARD, MIN_ATTEMPTS, QuestionAnalysis, QuizAnalysis
from .files import FORMULA_STARTS
from .report import _CSS, _table


def _pct(value: float | None) -> str:
    """A fraction as Moodle shows it: a percentage with two decimals."""
    return "–" if value is None else f"{value * 100:.2f} %"


def _index(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _percent_figure(value: float | None) -> str:
    """A figure Moodle gives in per cent (alpha, error ratio)."""
    return "–" if value is None else f"{value:.2f} %"


def _marks(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def render_items(analyses: list[QuizAnalysis], course_title: str, answers_dir: str) -> str:
    """The page: what to review, then each quiz's figures and every question's."""
    title = f"Item statistics: {course_title}"
    flagged = [(a, q) for a in analyses for q in a.flagged]
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(title)}</title>", f"<style>{_CSS}.flag{{margin:.2rem 0}}</style>", "</head>",
           "<body>", "<main>", f"<h1>{escape(title)}</h1>",
           f'<p class="sub">From the answer files in {escape(answers_dir)}. Figures follow the definitions of '
           "Moodle's quiz statistics report.</p>",
           '<h2 id="review">Questions to review</h2>']
    if flagged:
        out.append(f"<p>{len(flagged)} questions need a look: facility above {EASY:.0%} or below {HARD:.0%}, "
                   "negative discrimination, or an option nobody chose.</p>")
        for analysis, q in flagged:
            out.append(_review(analysis, q))
    elif any(a.figures for a in analyses):
        out.append("<p>No question was flagged.</p>")
    else:
        out.append(f"<p>No quiz had the {MIN_ATTEMPTS} or more answer files that statistics need.</p>")
    for analysis in analyses:
        out.append(_quiz_section(analysis))
    out.append(_glossary())
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _anchor(analysis: QuizAnalysis, q: QuestionAnalysis | None = None) -> str:
    return analysis.quiz.key + (f"-{q.question.id}" if q else "")


def _review(analysis: QuizAnalysis, q: QuestionAnalysis) -> str:
    question = q.question
    options = "".join(
        f"<li>{escape(letter)}. {escape(text)}"
        f"{' <strong>(key)</strong>' if letter == question.answer else ''}: chosen by {q.chosen[letter]}</li>"
        for letter, text in question.options.items())
    flags = "".join(f'<p class="flag">{escape(flag)}</p>' for flag in q.flags)
    return (f'<section aria-labelledby="review-{_anchor(analysis, q)}">'
            f'<h3 id="review-{_anchor(analysis, q)}">Week {analysis.quiz.week}, question {q.number} '
            f"({escape(question.id)})</h3>{flags}<p>{escape(question.question)}</p><ul>{options}</ul>"
            f"<p>Not answered: {q.unanswered}.</p></section>")


def _quiz_section(analysis: QuizAnalysis) -> str:
    quiz, f = analysis.quiz, analysis.figures
    heading = f'<h2 id="{_anchor(analysis)}">Week {quiz.week} quiz: {escape(quiz.title)}</h2>'
    if f is None:
        return f"{heading}<p>{analysis.attempts} answer files. {escape(analysis.too_few or '')}</p>"
    n = f.questions
    summary = _table(f"Quiz figures ({f.attempts} attempts; marks out of {n})", ["Figure", "Value"], [
        ["Mean", f"{_marks(f.mean)} ({_pct(f.mean / n)})"],
        ["Median", f"{_marks(f.median)} ({_pct(f.median / n)})"],
        ["Standard deviation", f"{_marks(f.sd)} ({_pct(f.sd / n)})"],
        ["Coefficient of internal consistency (Cronbach's alpha)", _percent_figure(f.alpha)],
        ["Error ratio", _percent_figure(f.error_ratio)],
        ["Standard error", _marks(f.standard_error)]], numeric={1})
    letters = LETTERS[:max(len(q.question.options) for q in analysis.questions)]
    rows = []
    for q in analysis.questions:
        item = q.figures
        rows.append([str(q.number), escape(q.question.id) + (" (flagged)" if q.flags else ""),
                     _pct(item.facility), _pct(item.sd), _index(item.discrimination_index),
                     _index(item.discriminative_efficiency)]
                    + [(str(q.chosen[x]) + (" (key)" if x == q.question.answer else "")) if x in q.chosen else ""
                       for x in letters] + [str(q.unanswered)])
    table = _table("Question figures and how many chose each option",
                   ["#", "Question", "Facility index", "Standard deviation", "Discrimination index",
                    "Discriminative efficiency"] + [f"Chose {x}" for x in letters] + ["Not answered"],
                   rows, numeric=set(range(2, 7 + len(letters))))
    return heading + summary + table


def _glossary() -> str:
    terms = [
        ("Facility index", "the share of trainees who got the question right."),
        ("Standard deviation", "how much the marks on the question vary, as a share of its mark."),
        ("Discrimination index", "the correlation between the question and the rest of the quiz, from -100 "
         "to 100: high when the trainees who get it right also do well on the rest."),
        ("Discriminative efficiency", "the discrimination index as a share of the highest it could be with "
         "this question's facility."),
        ("Cronbach's alpha", "how consistently the questions measure the same thing; 75 % or more is usual "
         "for a good test."),
        ("Error ratio and standard error", "how much of the spread of scores is noise, and how many marks a "
         "trainee's score could be off by."),
    ]
    items = "".join(f"<dt>{escape(t)}</dt><dd>{escape(d)}</dd>" for t, d in terms)
    return f'<h2 id="terms">What the figures mean</h2><dl>{items}</dl>'


CSV_COLUMNS = ["quiz", "week", "number", "question_id", "question", "attempts", "facility_percent", "sd_percent",
               "discrimination_index", "discriminative_efficiency", *(f"chose_{x}" for x in LETTERS), "key",
               "not_answered", "flags", "quiz_mean", "quiz_median", "quiz_sd", "quiz_alpha", "quiz_error_ratio",
               "quiz_standard_error"]


def items_csv(analyses: list[QuizAnalysis]) -> str:
    """One row per question, the quiz's figures repeated on each (a spreadsheet sorts and filters them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:.4f}"
        text = str(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text

    for a in analyses:
        f = a.figures
        quiz_cells = [f.mean, f.median, f.sd, f.alpha, f.error_ratio, f.standard_error] if f else [None] * 6
        for q in a.questions:
            item = q.figures
            item_cells = ([item.facility * 100, item.sd * 100, item.discrimination_index,
                           item.discriminative_efficiency] if item else [None] * 4)
            writer.writerow([cell(v) for v in [a.quiz.key, a.quiz.week, q.number, q.question.id, q.question.question,
                                               a.attempts, *item_cells,
                                               *(q.chosen.get(x) for x in LETTERS), q.question.answer,
                                               q.unanswered, " ".join(q.flags), *quiz_cells]])
    return out.getvalue()
