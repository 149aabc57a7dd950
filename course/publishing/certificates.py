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

from ..content.definition import ACHIEVEMENT, PARTICIPATION
from ..content.languages import SOURCE
from ..grading.gradebook import Graded
from .files import atomic_folder
from .verification import verification_code
from .wording import Wording, Wordings

ISSUED = (ACHIEVEMENT, PARTICIPATION)     # the certificates printed; the labels are course.yml's, the words ui.yml's

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


def render_certificate(wording: Wording, trainee_id: str, name: str, certificate: str, code: str) -> str:
    """One certificate, in the language of `wording` (the trainee's)."""
    course, say = wording.course, wording.words
    e, label = course.edition, course.certificates.label(certificate)
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{wording.lang}">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(label)}: {escape(name)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        '<main class="certificate"><div class="frame">',
        f"<h1>{escape(label)}</h1>",
        f'<p class="lead">{escape(say("certificate.certify"))}</p>',
        f'<p class="name">{escape(name)}</p>',
        f'<p class="lead">{escape(say(f"certificate.{certificate}"))}</p>',
        f'<p class="course">{escape(course.title)}</p>',
        f'<p class="sub">{escape(course.subtitle)}<br>'
        f'{escape(say("certificate.dates", start=wording.date(e.start), end=wording.date(e.end), hours=course.hours, edition=e.id))}</p>',
        '<div class="meta">',
        f'<p>{escape(say("certificate.trainee_id", id=trainee_id))}<br>{escape(say("certificate.code"))} <strong>{code}</strong></p>',
        qr_code(f"{code}\n{name}", say("certificate.qr", code=code)),
        f'<p class="sign">{escape(say("certificate.signature"))}</p>',
        "</div>", "</div></main>", "</body>", "</html>", ""])


def write_certificates(grades: Iterable[Graded], wordings: Wordings, folder: Path, secret: bytes) -> list[Issued]:
    """One page per Achievement or Participation, each in its trainee's language, and index.html; the folder
    is swapped in atomically. `secret` is the centre's (verification.centre_secret): it signs the codes and
    is written nowhere here."""
    course = wordings(SOURCE).course
    issued: list[Issued] = []
    with atomic_folder(folder) as tmp:
        for g in grades:
            cert = g.result.certificate
            if cert not in ISSUED:
                continue
            tid, name = g.trainee.trainee_id, g.trainee.name
            code = verification_code(secret, course.edition.id, cert, name)
            name_of_file = file_name(tid, code)
            (tmp / name_of_file).write_text(render_certificate(wordings(g.trainee.language), tid, name, cert, code),
                                             encoding="utf-8")
            issued.append(Issued(tid, name, cert, code, name_of_file))
        (tmp / "index.html").write_text(render_index(wordings(), issued), encoding="utf-8")
    return issued


def render_index(wording: Wording, issued: list[Issued]) -> str:
    """The tutor's list of the certificates issued, in the language the command was given."""
    course, say, label = wording.course, wording.words, wording.course.certificates.label
    title = say("index.certificates_title", course=course.title, edition=course.edition.id)
    rows = "".join(f'<tr><th scope="row">{escape(i.trainee_id)}</th><td><a href="{escape(i.file)}">'
                   f"{escape(i.name)}</a></td><td>{escape(label(i.certificate))}</td><td>{i.code}</td></tr>"
                   for i in issued)
    counts = {c: sum(1 for i in issued if i.certificate == c) for c in ISSUED}
    counted = say("index.certificates_count", achievement=label(ACHIEVEMENT), achieved=counts[ACHIEVEMENT],
                  participation=label(PARTICIPATION), participated=counts[PARTICIPATION])
    headings = "".join(f'<th scope="col">{escape(say(key))}</th>'
                       for key in ("index.trainee_id", "index.name", "index.certificate", "index.code"))
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{wording.lang}">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem}table{border-collapse:collapse}"
        "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}th{background:#eef2f7}</style>",
        "</head>", "<body>", "<main>", f"<h1>{escape(title)}</h1>",
        f"<p>{escape(counted)}</p>",
        f"<table><caption>{escape(say('index.certificates_caption'))}</caption><thead><tr>{headings}</tr></thead>"
        f"<tbody>{rows}</tbody></table>",
        "</main>", "</body>", "</html>", ""])
