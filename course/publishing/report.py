"""The cohort report: one self-contained HTML page a coordinator can paste into an activity report.

No request leaves the page: the CSS is inline, the charts are inline SVG, there is no script.
Every chart has a text alternative and the same figures are in a table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..content.definition import ACHIEVEMENT, PARTICIPATION, Course
from ..grading.cohort import Cohort, CohortFigures, percent, two_decimals
from ..grading.gradebook import Graded
from ..grading.numbers import number

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.sub{color:#444;margin-top:0}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}
th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
.key{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.6rem;padding:0;list-style:none}
.key li{border:1px solid #bbb;border-radius:4px;padding:.5rem .7rem}.key strong{display:block;font-size:1.5rem}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
"""


def bar_chart(chart_id: str, title: str, bars: list[tuple[str, int, int]]) -> str:
    """Horizontal bars (label, count, percent) as inline SVG; its <title> and <desc> are the text alternative."""
    row, label_w, bar_w = 30, 190, 360
    height = row * len(bars) + 10
    desc = "; ".join(f"{label}: {count} ({pct} %)" for label, count, pct in bars)
    parts = [f'<svg role="img" width="{label_w + bar_w + 110}" height="{height}" '
             f'viewBox="0 0 {label_w + bar_w + 110} {height}" aria-labelledby="{chart_id}-t {chart_id}-d">',
             f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>']
    for i, (label, count, pct) in enumerate(bars):
        y = 5 + i * row
        width = bar_w * pct / 100
        parts.append(f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="14" fill="#1b1b1b">'
                     f'{escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 4}" width="{width:.1f}" height="20" fill="#1f5f99"/>'
                     f'<text x="{label_w + width + 6:.1f}" y="{y + 18}" font-size="14" fill="#1b1b1b">'
                     f'{count} ({pct} %)</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_report(grades: Iterable[Graded], course: Course) -> str:
    """The report page for a cohort; reads `grades` to the end (so problems surface before anything is written)."""
    cohort = Cohort(course)
    participants = []
    for g in grades:
        cohort.add(g.trainee, g.result)
        participants.append((g.trainee.trainee_id, g.trainee.name, g.result.completed_items, g.result.certificate))
    return _page(cohort.figures(), participants, course)


def _page(f: CohortFigures, participants: list[tuple[str, str, int, str]], course: Course) -> str:
    a, e = course.assessment, course.edition
    n = f.participants
    title = f"Cohort report: {course.title}, edition {e.id}"
    if f.average_quiz_points is not None:
        average = f"{two_decimals(f.average_quiz_points)}/{number(a.quizzes_max)}"
        quiz_text = (f"The average quiz score was <strong>{average}</strong> over the {f.quiz_takers} participants "
                     f"who submitted at least one quiz; <strong>{f.above_average}</strong> scored above the average.")
    else:
        average, quiz_text = "–", "No participant submitted a quiz."
    band_rows = [(b.band.label, b.count, b.percent) for b in f.bands]
    label = course.certificates.label
    cert_rows = [(label(c.certificate), c.count, c.percent) for c in f.certificates]
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(course.subtitle)}. {e.start:%d %B %Y} to {e.end:%d %B %Y}, '
        f"{number(course.hours)} hours.</p>",
        '<h2 id="summary">Summary</h2>', '<ul class="key">',
        f"<li><strong>{n}</strong> participants</li>",
        f"<li><strong>{average}</strong> average quiz score</li>",
        f"<li><strong>{f.group_work}</strong> of {n} took part in the group work</li>",
        f"<li><strong>{f.essays}</strong> of {n} submitted the final essay</li>",
        f"<li><strong>{f.certificate_count(ACHIEVEMENT)}</strong> {escape(label(ACHIEVEMENT))}</li>",
        f"<li><strong>{f.certificate_count(PARTICIPATION)}</strong> {escape(label(PARTICIPATION))}</li>",
        "</ul>",
        '<h2 id="engagement">Engagement</h2>',
        f"<p>How many of the {a.item_count} assessed items ({a.quiz_count} quizzes, the group work and the "
        "essay) each participant completed.</p>",
        _table("Engagement bands", ["Band", "Items completed", "Participants", "Share"],
               [[escape(b.band.label), escape(_items(b.band.min_items, b.band.max_items)), str(b.count),
                 f"{b.percent} %"] for b in f.bands], numeric={2, 3}),
        bar_chart("chart-engagement", "Participants by engagement band", band_rows),
        '<h2 id="quizzes">Weekly quizzes</h2>', f"<p>{quiz_text}</p>",
        _table("Average score per quiz, over the participants who submitted it",
               ["Quiz", "Submitted by", f"Average score (out of {number(a.quiz_max)})"],
               [[f"Quiz {q.number}", str(q.submitted),
                 two_decimals(q.average_points) if q.average_points is not None else "–"] for q in f.quizzes],
               numeric={1, 2}),
        '<h2 id="group-work">Group work and final essay</h2>',
        _table("Group work and final essay", ["Item", "Participants", "Share"],
               [["Took part in the group work", str(f.group_work), f"{percent(f.group_work, n)} %"],
                ["Submitted the final essay", str(f.essays), f"{percent(f.essays, n)} %"]], numeric={1, 2}),
        '<h2 id="certificates">Certificates</h2>',
        _table("Certificates by type", ["Certificate", "Participants", "Share"],
               [[escape(label), str(count), f"{pct} %"] for label, count, pct in cert_rows], numeric={1, 2}),
        f"<p>The participation bonus was needed, and added, for {f.bonus_applied} of the Certificates of "
        "Achievement.</p>",
        bar_chart("chart-certificates", "Participants by certificate", cert_rows),
        '<h2 id="participants">Annex: list of participants</h2>',
        _table("Participants, items completed and certificate", ["Trainee ID", "Name", "Items completed",
                                                                  "Certificate"],
               [[escape(tid), escape(name), f"{items} of {a.item_count}", escape(label(cert))]
                for tid, name, items, cert in participants], numeric={2}),
        "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _items(low: int, high: int) -> str:
    return str(low) if low == high else f"{low} to {high}"


def _table(caption: str, headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    """Cells must already be escaped; the first column heads its row."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = []
    for cells in rows:
        tds = "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                      for i, c in enumerate(cells[1:], start=1))
        body.append(f'<tr><th scope="row">{cells[0]}</th>{tds}</tr>')
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")
