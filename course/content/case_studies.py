"""Country case studies (case_studies/*.md): the facts in each page's front matter, validated.

Each page starts with YAML front matter between two `---` lines:

    country: Sri Lanka
    policy: National Labour Migration Policy for Sri Lanka
    years: [2008, 2009]
    lead_institution: Ministry of Foreign Employment Promotion and Welfare
    steps:                              # which of the six steps (course.yml `steps`) it illustrates
      - {number: 3, how: Tripartite steering committee and working groups}
    assessment_phases: []               # ids from course.yml `assessment_phases`
    sources:
      - {document: "004", where: "Section 6.1.1 (Sri Lanka)"}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseDataError
from .definition import Course, load_course
from .sources import Citation, Document, documents, read_citation
from .yamlfile import Fields, parse_yaml

FIELDS = {"title", "country", "policy", "years", "lead_institution", "steps", "assessment_phases", "sources"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


@dataclass(frozen=True)
class StepIllustrated:
    number: int             # one of course.yml `steps`
    how: str                # one line: what the country did at this step


@dataclass(frozen=True)
class CaseStudy:
    name: str               # file stem: the page is case-studies/<name>.md
    country: str
    policy: str
    years: tuple[int, ...]
    lead_institution: str
    steps: tuple[StepIllustrated, ...]
    assessment_phases: tuple[str, ...]
    sources: tuple[Citation, ...]

    @property
    def page(self) -> str:
        return f"case-studies/{self.name}.md"

    def step(self, number: int) -> StepIllustrated | None:
        return next((s for s in self.steps if s.number == number), None)


def read_front_matter(path: Path):
    """The parsed YAML front matter of a Markdown file (a CourseDataError if absent or invalid)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseDataError(f"{path}: cannot read as UTF-8 text: {exc}") from None
    match = _FRONT_MATTER.match(text)
    if not match:
        raise CourseDataError(f"{path}: (front matter): missing; the page must start with YAML between two '---' lines")
    return parse_yaml(match.group(1), path, first_line=2, what="YAML syntax error in front matter")


def load_case_study(path: Path, course: Course | None = None, sources: dict[str, Document] | None = None, lang: str = "en") -> CaseStudy:
    """Read and validate one case study's front matter against the course's steps and phases."""
    course = course or load_course()
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    d = f.mapping(read_front_matter(path), "", FIELDS)
    raw_years = d.get("years")
    years: list[int] = []
    if isinstance(raw_years, int) and not isinstance(raw_years, bool):
        raw_years = [raw_years]
    if raw_years in (None, "", []):
        f.problem("years", "is missing (the year or years of the policy, e.g. [2008, 2009])")
    elif not isinstance(raw_years, list) or not all(isinstance(y, int) and not isinstance(y, bool)
                                                    and 1900 < y < 2100 for y in raw_years):
        f.problem("years", f"must be a year or a list of years, not {raw_years!r}")
    else:
        years = sorted(raw_years)
    known_steps = {s.number for s in course.steps}
    steps, seen = [], set()
    for where, raw in f.items(d, "steps", ""):
        s = f.mapping(raw, where, {"number", "how"})
        number, how = f.get(s, "number", int, where), f.text(s, "how", where)
        if number is not None and number not in known_steps:
            f.problem(f"{where}.number", f"unknown step {number} (the steps are "
                                         f"{', '.join(map(str, sorted(known_steps)))})")
        elif number in seen:
            f.problem(f"{where}.number", f"step {number} is listed twice")
        elif number is not None and how is not None:
            steps.append(StepIllustrated(number, how))
        seen.add(number)
    known_phases = {p.id for p in course.assessment_phases}
    phases = []
    for where, phase in f.items(d, "assessment_phases", "", optional=True):
        if phase not in known_phases:
            f.problem(where, f"unknown assessment phase {phase!r} (known: {', '.join(sorted(known_phases))})")
        else:
            phases.append(phase)
    sources = [read_citation(f, raw, where, sources) for where, raw in f.items(d, "sources", "")]
    if not sources and "sources" in d:
        f.problem("sources", "must list at least one source")
    study = CaseStudy(path.stem, f.text(d, "country", ""), f.text(d, "policy", ""), tuple(years),
                      f.text(d, "lead_institution", ""), tuple(sorted(steps, key=lambda s: s.number)),
                      tuple(phases), tuple(s for s in sources if s))
    f.raise_if_any()
    return study


def load_case_studies(folder: Path, course: Course | None = None,
                      sources: dict[str, Document] | None = None, lang: str = "en") -> tuple[CaseStudy, ...]:
    """Every case study in the folder, in file-name order; all problems in all files reported at once."""
    course = course or load_course()
    sources = sources if sources is not None else documents()
    studies, problems = [], []
    for path in sorted(folder.glob("*.md")):
        try:
            studies.append(load_case_study(path, course, sources, lang=lang))
        except CourseDataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CourseDataError(problems)
    return tuple(studies)
