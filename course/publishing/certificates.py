"""Printable certificates: one A4 landscape HTML page per eligible trainee, and an index page.

Each carries a verification code and the same code in a QR code: a keyed hash of the edition, the
certificate and the name under the centre's secret (verification.py), which `course verify` checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Iterable

import segno

from ..content.definition import ACHIEVEMENT, PARTICIPATION, Course
from ..grading.gradebook import Graded
from ..grading.numbers import number
from .files import atomic_folder
from .verification import verification_code

ISSUED = (ACHIEVEMENT, PARTICIPATION)     # the certificates printed; the labels are course.yml's
WORDING = {ACHIEVEMENT: "has successfully completed all the assessments of the course",
           PARTICIPATION: "has participated in the course"}

_CSS = """
@page{size:A4 landscape;margin:0}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:Georgia,"Times New Roman",serif;color:#1b1b1b;background:#fff}
.certificate{width:297mm;height:210mm;padding:14mm;overflow:hidden;page-break-after:avoid}
.frame{height:100%;border:3mm double #1f5f99;padding:14mm 18mm;display:flex;flex-direction:column;
align-items:center;justify-content:space-between;text-align:center}
h1{font-size:30pt;font-weight:normal;letter-spacing:.04em;margin:0;color:#1f5f99}
.lead{font-size:14pt;margin:0}.name{font-size:30pt;font-weight:bold;margin:0}
.course{font-size:20pt;margin:0}.sub{font-size:13pt;margin:0;color:#333}
.meta{display:flex;justify-content:space-between;width:100%;font-size:10pt;color:#333;text-align:left}
.qr{width:26mm;height:26mm;flex:none}
.sign{border-top:1px solid #333;padding-top:2mm;min-width:70mm;text-align:center}
@media screen{body{background:#ddd}.certificate{margin:1rem auto;background:#fff;box-shadow:0 0 4px #999}}
"""


@dataclass(frozen=True)
class Issued:
    trainee_id: str
    name: str
    certificate: str
    code: str
    file: str


def file_name(trainee_id: str, code: str) -> str:
    """A safe file name that still shows whose certificate it is; the code keeps it unique."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", trainee_id).strip("._")[:40] or "trainee"
    return f"{safe}-{code}.html"


def qr_code(text: str, label: str) -> str:
    """`text` as a QR code in inline SVG (no request, prints sharp), with `label` as its text alternative."""
    svg = segno.make_qr(text, error="m").svg_inline(scale=2, title=label, svgclass="qr", omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def render_certificate(course: Course, trainee_id: str, name: str, certificate: str, code: str) -> str:
    e = course.edition
    title = f"{course.certificates.label(certificate)}: {name}"
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        '<main class="certificate"><div class="frame">',
        f"<h1>{escape(course.certificates.label(certificate))}</h1>",
        '<p class="lead">This is to certify that</p>',
        f'<p class="name">{escape(name)}</p>',
        f'<p class="lead">{escape(WORDING[certificate])}</p>',
        f'<p class="course">{escape(course.title)}</p>',
        f'<p class="sub">{escape(course.subtitle)}<br>'
        f"{e.start:%d %B %Y} to {e.end:%d %B %Y} · {number(course.hours)} hours · edition {escape(e.id)}</p>",
        '<div class="meta">',
        f"<p>Trainee ID: {escape(trainee_id)}<br>Verification code: <strong>{code}</strong></p>",
        qr_code(f"{code}\n{name}", f"QR code of the verification code {code}"),
        '<p class="sign">Course coordinator</p>',
        "</div>", "</div></main>", "</body>", "</html>", ""])


def write_certificates(grades: Iterable[Graded], course: Course, folder: Path, secret: bytes) -> list[Issued]:
    """One page per Achievement or Participation, and index.html; the folder is swapped in atomically.
    `secret` is the centre's (verification.centre_secret): it signs the codes and is written nowhere here."""
    issued: list[Issued] = []
    with atomic_folder(folder) as tmp:
        for g in grades:
            cert = g.result.certificate
            if cert not in ISSUED:
                continue
            tid, name = g.trainee.trainee_id, g.trainee.name
            code = verification_code(secret, course.edition.id, cert, name)
            name_of_file = file_name(tid, code)
            (tmp / name_of_file).write_text(render_certificate(course, tid, name, cert, code), encoding="utf-8")
            issued.append(Issued(tid, name, cert, code, name_of_file))
        (tmp / "index.html").write_text(render_index(course, issued), encoding="utf-8")
    return issued


def render_index(course: Course, issued: list[Issued]) -> str:
    e = course.edition
    title = f"Certificates: {course.title}, edition {e.id}"
    rows = "".join(f'<tr><th scope="row">{escape(i.trainee_id)}</th><td><a href="{escape(i.file)}">'
                   f"{escape(i.name)}</a></td><td>{escape(course.certificates.label(i.certificate))}</td><td>{i.code}</td></tr>"
                   for i in issued)
    counts = {c: sum(1 for i in issued if i.certificate == c) for c in ISSUED}
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem}table{border-collapse:collapse}"
        "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}th{background:#eef2f7}</style>",
        "</head>", "<body>", "<main>", f"<h1>{escape(title)}</h1>",
        f"<p>{escape(course.certificates.label(ACHIEVEMENT))}: {counts[ACHIEVEMENT]}. "
        f"{escape(course.certificates.label(PARTICIPATION))}: {counts[PARTICIPATION]}. "
        "Open one and print it from the browser (A4, landscape).</p>",
        "<table><caption>Certificates issued</caption><thead><tr><th scope=\"col\">Trainee ID</th>"
        "<th scope=\"col\">Name</th><th scope=\"col\">Certificate</th><th scope=\"col\">Verification code</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>",
        "</main>", "</body>", "</html>", ""])
