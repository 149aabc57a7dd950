"""Scoring rubrics (course/content/rubrics.yml): what each band of points means, so two tutors score alike.

The essay's criteria (ids, titles, points) live in course.yml, where the grader reads them; this
file only describes the bands, keyed by criterion id. The group work is scored out of course.yml's
`assessment.group_work.max_points`; its criteria here must add up to exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .definition import Course, load_course
from .yamlfile import Fields, load_yaml

RUBRICS = Path(__file__).parent / "rubrics.yml"


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    descriptor: str

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class RubricCriterion:
    id: str
    title: str
    max_points: float
    looks_for: str          # what the tutor looks at, in one sentence
    bands: tuple[Band, ...]


@dataclass(frozen=True)
class Rubrics:
    essay: tuple[RubricCriterion, ...]          # in course.yml's order of essay criteria
    group_work: tuple[RubricCriterion, ...]


def _bands(f: Fields, where: str, raw) -> list[tuple[int, int]]:
    """Score bands as [low, high] pairs that must cover 0..top with no gap or overlap."""
    bands = []
    for w, b in f.items({"bands": raw}, "bands", where):
        if not (isinstance(b, list) and len(b) == 2 and all(isinstance(n, int) and not isinstance(n, bool) for n in b)
                and b[0] <= b[1]):
            f.problem(w, f"must be [lowest, highest] points, e.g. [3, 4], not {b!r}")
            continue
        bands.append((b[0], b[1]))
    expected = 0
    for low, high in bands:
        if low != expected:
            f.problem(f"{where}.bands", f"must start at 0 and follow on without gap or overlap: {bands}")
            break
        expected = high + 1
    return bands


def _criterion(f: Fields, where: str, d: dict, bands: list[tuple[int, int]], *, cid: str, title: str,
               max_points: float) -> RubricCriterion:
    descriptors = [f.translated(t, f"{where}.descriptors[{i}]")
                   for i, t in enumerate(f.get(d, "descriptors", list, where, default=[]))]
    if bands and bands[-1][1] != max_points:
        f.problem(f"{where}", f"the bands reach {bands[-1][1]} points but the criterion is worth {max_points:g}")
    if len(descriptors) != len(bands):
        f.problem(f"{where}.descriptors", f"needs one descriptor per band, lowest first: {len(bands)} "
                                          f"bands, {len(descriptors)} descriptors")
    for i, text in enumerate(descriptors):
        if not isinstance(text, str) or not text.strip():
            f.problem(f"{where}.descriptors[{i}]", "must be text")
    return RubricCriterion(cid, title, max_points, f.text(d, "looks_for", where),
                           tuple(Band(lo, hi, str(t).strip()) for (lo, hi), t in zip(bands, descriptors)))


def load_rubrics(path: Path = RUBRICS, course: Course | None = None, lang: str = "en") -> Rubrics:
    """Load and check the rubrics against course.yml; every problem reported at once."""
    course = course or load_course()
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "", {"essay", "group_work"})

    e = f.mapping(f.get(top, "essay", dict, "", default={}), "essay", {"bands", "criteria"})
    bands = _bands(f, "essay", f.get(e, "bands", list, "essay", default=[]))
    described = f.mapping(f.get(e, "criteria", dict, "essay", default={}), "essay.criteria")
    known = {c.id for c in course.assessment.essay_criteria}
    for cid in described:
        if cid not in known:
            f.problem(f"essay.criteria.{cid}", f"no essay criterion {cid!r} in course.yml "
                                               f"(known: {', '.join(sorted(known))})")
    essay = []
    for c in course.assessment.essay_criteria:
        where = f"essay.criteria.{c.id}"
        if c.id not in described:
            f.problem(where, f"is missing: course.yml's essay criterion {c.id!r} ({c.title}) has no descriptors")
            continue
        d = f.mapping(described[c.id], where, {"looks_for", "descriptors"})
        essay.append(_criterion(f, where, d, bands, cid=c.id, title=c.title, max_points=c.max_points))

    g = f.mapping(f.get(top, "group_work", dict, "", default={}), "group_work", {"bands", "criteria"})
    g_bands = _bands(f, "group_work", f.get(g, "bands", list, "group_work", default=[]))
    group = []
    for where, raw in f.items(g, "criteria", "group_work"):
        d = f.mapping(raw, where, {"id", "title", "looks_for", "descriptors"})
        group.append(_criterion(f, where, d, g_bands, cid=f.get(d, "id", str, where),
                                title=f.text(d, "title", where),
                                max_points=g_bands[-1][1] if g_bands else 0))
    total = sum(c.max_points for c in group)
    if group and total != course.assessment.group_work_max:
        f.problem("group_work.criteria", f"add up to {total:g} points but course.yml gives the group work "
                                         f"{course.assessment.group_work_max:g} (assessment.group_work.max_points)")
    ids = [c.id for c in group]
    if len(set(ids)) != len(ids):
        f.problem("group_work.criteria", "two criteria have the same id")
    f.raise_if_any()
    return Rubrics(tuple(essay), tuple(group))
