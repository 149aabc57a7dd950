"""The cohort report: one self-contained HTML page a coordinator can paste into an activity report.

No request leaves the page: the CSS is inline, the charts are inline SVG, there is no script.
Every chart has a text alternative and the same figures are in a table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..content.definition import ACHIEVEMENT, PARTICIPATION
from ..grading.cohort import Cohort, CohortFigures, percent, two_decimals
from ..grading.gradebook import Graded
from ..content.ui import DECIMAL, Interface, number
from .wording import Wording

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


def render_report(grades: Iterable[Graded], wording: Wording) -> str:
    """The report page for a cohort, in the language of `wording`; reads `grades` to the end (so problems
    surface before anything is written)."""
    cohort = Cohort(wording.course)
    participants = []
    for g in grades:
        cohort.add(g.trainee, g.result)
        participants.append((g.trainee.trainee_id, g.trainee.name, g.result.completed_items, g.result.certificate))
    return _page(cohort.figures(), participants, wording)


def _page(f: CohortFigures, participants: list[tuple[str, str, int, str]], wording: Wording) -> str:
    course, say = wording.course, wording.words
    a, e, lang = course.assessment, course.edition, say.lang
    n = f.participants
    title = say("report.title", course=course.title, edition=e.id)
    if f.average_quiz_points is not None:
        average = f"{_decimals(f.average_quiz_points, lang)}/{number(a.quizzes_max, lang)}"
        quiz_text = say("report.quiz_average_text", average=average, takers=f.quiz_takers, above=f.above_average)
    else:
        average, quiz_text = "–", say("report.no_quiz")
    band_rows = [(b.band.label, b.count, b.percent) for b in f.bands]
    label = course.certificates.label
    cert_rows = [(label(c.certificate), c.count, c.percent) for c in f.certificates]
    out = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{escape(say("report.dates", subtitle=course.subtitle, start=wording.date(e.start), end=wording.date(e.end), hours=course.hours))}</p>',
        f'<h2 id="summary">{escape(say("report.summary"))}</h2>', '<ul class="key">',
        f"<li><strong>{n}</strong> {escape(say('report.participants'))}</li>",
        f"<li><strong>{average}</strong> {escape(say('report.average_quiz'))}</li>",
        f"<li><strong>{f.group_work}</strong> {escape(say('report.took_group_work', n=n))}</li>",
        f"<li><strong>{f.essays}</strong> {escape(say('report.submitted_essay', n=n))}</li>",
        f"<li><strong>{f.certificate_count(ACHIEVEMENT)}</strong> {escape(label(ACHIEVEMENT))}</li>",
        f"<li><strong>{f.certificate_count(PARTICIPATION)}</strong> {escape(label(PARTICIPATION))}</li>",
        "</ul>",
        f'<h2 id="engagement">{escape(say("report.engagement"))}</h2>',
        f"<p>{escape(say('report.engagement_text', items=a.item_count, quizzes=a.quiz_count))}</p>",
        _table(say("report.bands_caption"), [say("report.band"), say("report.items_completed"),
                                             say("report.participants_heading"), say("report.share")],
               [[escape(b.band.label), escape(_items(b.band.min_items, b.band.max_items, say)), str(b.count),
                 f"{b.percent} %"] for b in f.bands], numeric={2, 3}),
        bar_chart("chart-engagement", say("report.bands_chart"), band_rows),
        f'<h2 id="quizzes">{escape(say("report.quizzes"))}</h2>', f"<p>{quiz_text}</p>",
        _table(say("report.quiz_caption"),
               [say("report.quiz"), say("report.submitted_by"), say("report.average_out_of", max=number(a.quiz_max, lang))],
               [[escape(say("report.quiz_n", n=q.number)), str(q.submitted),
                 _decimals(q.average_points, lang) if q.average_points is not None else "–"] for q in f.quizzes],
               numeric={1, 2}),
        f'<h2 id="group-work">{escape(say("report.group_and_essay"))}</h2>',
        _table(say("report.group_and_essay"), [say("report.item"), say("report.participants_heading"), say("report.share")],
               [[escape(say("report.took_part")), str(f.group_work), f"{percent(f.group_work, n)} %"],
                [escape(say("report.submitted")), str(f.essays), f"{percent(f.essays, n)} %"]], numeric={1, 2}),
        f'<h2 id="certificates">{escape(say("report.certificates"))}</h2>',
        _table(say("report.certificates_caption"), [say("report.certificate"), say("report.participants_heading"),
                                                    say("report.share")],
               [[escape(name), str(count), f"{share} %"] for name, count, share in cert_rows], numeric={1, 2}),
        f"<p>{escape(say('report.bonus_text', n=f.bonus_applied))}</p>",
        bar_chart("chart-certificates", say("report.certificates_chart"), cert_rows),
        f'<h2 id="participants">{escape(say("report.annex"))}</h2>',
        _table(say("report.annex_caption"), [say("report.trainee_id"), say("report.name"), say("report.items_completed"),
                                             say("report.certificate")],
               [[escape(tid), escape(name), escape(say("report.items_of", done=items, items=a.item_count)),
                 escape(label(cert))] for tid, name, items, cert in participants], numeric={2}),
        "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _decimals(value, lang: str) -> str:
    return two_decimals(value).replace(".", DECIMAL[lang])


def _items(low: int, high: int, say: Interface) -> str:
    return str(low) if low == high else say("report.range", low=low, high=high)


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
