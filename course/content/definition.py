"""The course definition (course.yml): weeks, activities, assessment, certificate rules, bands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .sources import Citation, Document, documents
from .yamlfile import Fields, load_yaml

DATA = Path(__file__).parent
ACTIVITY_KINDS = ("orientation", "module", "quiz", "group_work", "case_studies", "assignment")
ACHIEVEMENT, PARTICIPATION, NONE = "achievement", "participation", "none"     # the certificates, best first


@dataclass(frozen=True)
class Step:
    """One of the six steps to develop a labour migration policy (001, Section 2)."""

    number: int
    name: str
    module: str             # id of the module activity that teaches it


@dataclass(frozen=True)
class AssessmentPhase:
    """A phase of the participatory assessment of policy coherence (000, Sections 2-5)."""

    id: str
    name: str
    module: str


@dataclass(frozen=True)
class SourceReading:
    """A chapter of a source document that the activity's page asks trainees to read."""

    citation: Citation
    words: int              # counted in the source text (tests check the count against it)


@dataclass(frozen=True)
class Task:
    """Work the page times itself, such as a group meeting."""

    text: str
    minutes: int


@dataclass(frozen=True)
class Activity:
    kind: str
    id: str
    title: str
    hours: float
    page: str | None        # docs-relative page, once the page exists
    more_pages: tuple[str, ...] = ()        # other pages that belong to the activity
    reading: tuple[SourceReading, ...] = ()
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True)
class LiveSession:
    date: dt.date
    title: str


@dataclass(frozen=True)
class Week:
    number: int
    title: str
    summary: str
    activities: tuple[Activity, ...]
    sessions_2022: tuple[LiveSession, ...]

    @property
    def hours(self) -> float:
        return sum(a.hours for a in self.activities)


@dataclass(frozen=True)
class EssayCriterion:
    id: str
    column: str             # the SCORES.csv column a tutor fills in
    title: str
    max_points: float


@dataclass(frozen=True)
class Assessment:
    quiz_count: int
    quiz_questions: int
    points_per_correct: float
    group_work_max: float
    group_work_task: str
    essay_words: tuple[int, int]
    essay_criteria: tuple[EssayCriterion, ...]
    bonus_max: float
    bonus_awarded_for: str

    @property
    def quiz_max(self) -> float:
        """Points for one quiz answered fully correctly."""
        return self.quiz_questions * self.points_per_correct

    @property
    def quizzes_max(self) -> float:
        return self.quiz_count * self.quiz_max

    @property
    def essay_max(self) -> float:
        return sum(c.max_points for c in self.essay_criteria)

    @property
    def base_max(self) -> float:
        return self.quizzes_max + self.group_work_max + self.essay_max

    @property
    def item_count(self) -> int:
        """Assessed items: each quiz, the group work and the essay (8 by default)."""
        return self.quiz_count + 2


@dataclass(frozen=True)
class CertificateRules:
    achievement_min_points: float
    achievement_requires_all_items: bool
    participation_min_points: float
    participation_min_items: int
    labels: dict[str, str]          # ACHIEVEMENT, PARTICIPATION, NONE -> "Certificate of Achievement" …

    kinds = (ACHIEVEMENT, PARTICIPATION, NONE)     # best first

    def label(self, kind: str) -> str:
        return self.labels[kind]


@dataclass(frozen=True)
class EngagementBand:
    id: str
    label: str
    description: str
    min_items: int
    max_items: int


@dataclass(frozen=True)
class Edition:
    id: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Course:
    title: str
    subtitle: str
    based_on: str
    hours: float
    edition: Edition
    steps: tuple[Step, ...]
    assessment_phases: tuple[AssessmentPhase, ...]
    weeks: tuple[Week, ...]
    assessment: Assessment
    certificates: CertificateRules
    engagement_bands: tuple[EngagementBand, ...]

    def engagement_band(self, completed_items: int) -> EngagementBand:
        """The learning-analytics band for a trainee who completed this many items."""
        for band in self.engagement_bands:
            if band.min_items <= completed_items <= band.max_items:
                return band
        raise ValueError(f"no engagement band covers {completed_items} items")

    def activities(self, kind: str | None = None) -> list[Activity]:
        return [a for w in self.weeks for a in w.activities if kind is None or a.kind == kind]

    def activity(self, activity_id: str) -> Activity:
        for a in self.activities():
            if a.id == activity_id:
                return a
        raise KeyError(f"no activity {activity_id!r} in course.yml")

    def week_of(self, activity_id: str) -> Week:
        for w in self.weeks:
            if any(a.id == activity_id for a in w.activities):
                return w
        raise KeyError(f"no activity {activity_id!r} in course.yml")

    def step(self, number: int) -> Step:
        for s in self.steps:
            if s.number == number:
                return s
        raise KeyError(f"no step {number} (the steps are 1 to {len(self.steps)})")


def load_course(path: Path = DATA / "course.yml", lang: str = "en",
                sources: dict[str, Document] | None = None) -> Course:
    """Load and validate course.yml against the source documents (default: sources.yml); every problem is
    reported at once as a CourseDataError."""
    docs = sources if sources is not None else documents()
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "", {"title", "subtitle", "based_on", "hours", "edition", "steps",
                                          "assessment_phases", "weeks",
                                          "assessment", "certificates", "engagement_bands"})
    edition = _edition(f, f.mapping(f.get(top, "edition", dict, ""), "edition", {"id", "start", "end"}))
    steps = []
    for where, raw in f.items(top, "steps", ""):
        d = f.mapping(raw, where, {"number", "name", "module"})
        steps.append(Step(f.get(d, "number", int, where), f.text(d, "name", where), f.get(d, "module", str, where)))
    phases = []
    for where, raw in f.items(top, "assessment_phases", ""):
        d = f.mapping(raw, where, {"id", "name", "module"})
        phases.append(AssessmentPhase(f.get(d, "id", str, where), f.text(d, "name", where),
                                      f.get(d, "module", str, where)))
    weeks = tuple(_week(f, where, w, docs) for where, w in f.items(top, "weeks", ""))
    assessment = _assessment(f, f.mapping(f.get(top, "assessment", dict, "", default={}), "assessment",
                                          {"quizzes", "group_work", "essay", "participation_bonus"}))
    rules = _rules(f, f.mapping(f.get(top, "certificates", dict, "", default={}), "certificates",
                                {ACHIEVEMENT, PARTICIPATION, NONE}))
    bands = tuple(_band(f, where, b) for where, b in f.items(top, "engagement_bands", ""))
    course = Course(
        title=f.text(top, "title", ""), subtitle=f.text(top, "subtitle", ""),
        based_on=f.text(top, "based_on", ""), hours=f.get(top, "hours", float, "", default=0.0),
        edition=edition, steps=tuple(steps), assessment_phases=tuple(phases), weeks=weeks, assessment=assessment, certificates=rules, engagement_bands=bands)
    if not f.problems:
        _check_whole(f, course)
    f.raise_if_any()
    return course


def _edition(f: Fields, d: dict) -> Edition:
    edition = Edition(f.get(d, "id", str, "edition"), f.get(d, "start", dt.date, "edition"),
                      f.get(d, "end", dt.date, "edition"))
    if edition.start and edition.end and edition.end < edition.start:
        f.problem("edition.end", "is before edition.start")
    return edition


def _week(f: Fields, where: str, raw, docs: dict[str, Document]) -> Week:
    d = f.mapping(raw, where, {"number", "title", "summary", "activities", "sessions_2022"})
    activities = []
    for w, a in f.items(d, "activities", where):
        a = f.mapping(a, w, {"kind", "id", "title", "hours", "page", "more_pages", "reading", "tasks"})
        kind = f.get(a, "kind", str, w)
        if kind is not None and kind not in ACTIVITY_KINDS:
            f.problem(f"{w}.kind", f"unknown kind {kind!r} (expected one of: {', '.join(ACTIVITY_KINDS)})")
        hours = f.get(a, "hours", float, w, default=0.0)
        if hours is not None and hours <= 0:
            f.problem(f"{w}.hours", "must be more than 0")
        more_pages = f.get(a, "more_pages", list, w, optional=True, default=[])
        activities.append(Activity(kind, f.get(a, "id", str, w), f.text(a, "title", w), hours,
                                   f.get(a, "page", str, w, optional=True), tuple(map(str, more_pages)),
                                   _readings(f, a, w, docs), _tasks(f, a, w)))
    sessions = []
    for w, s in f.items(d, "sessions_2022", where, optional=True):
        s = f.mapping(s, w, {"date", "title"})
        sessions.append(LiveSession(f.get(s, "date", dt.date, w), f.text(s, "title", w)))
    return Week(f.get(d, "number", int, where), f.text(d, "title", where), f.text(d, "summary", where),
                tuple(activities), tuple(sessions))


def _readings(f: Fields, a: dict, where: str, docs: dict[str, Document]) -> tuple[SourceReading, ...]:
    out = []
    for w, r in f.items(a, "reading", where, optional=True):
        r = f.mapping(r, w, {"document", "where", "words"})
        key, place, words = f.get(r, "document", str, w), f.get(r, "where", str, w), f.get(r, "words", int, w)
        if key is not None and key not in docs:
            f.problem(f"{w}.document", f"unknown source document {key!r} (known: {', '.join(docs)})")
        elif None not in (key, place, words):
            out.append(SourceReading(Citation(docs[key], place), words))
    return tuple(out)


def _tasks(f: Fields, a: dict, where: str) -> tuple[Task, ...]:
    out = []
    for w, t in f.items(a, "tasks", where, optional=True):
        t = f.mapping(t, w, {"task", "minutes"})
        text, minutes = f.text(t, "task", w), f.get(t, "minutes", int, w)
        if None not in (text, minutes):
            out.append(Task(text, minutes))
    return tuple(out)


def _assessment(f: Fields, d: dict) -> Assessment:
    q = f.mapping(f.get(d, "quizzes", dict, "assessment", default={}), "assessment.quizzes",
                  {"count", "questions", "points_per_correct"})
    g = f.mapping(f.get(d, "group_work", dict, "assessment", default={}), "assessment.group_work",
                  {"max_points", "task"})
    e = f.mapping(f.get(d, "essay", dict, "assessment", default={}), "assessment.essay", {"words", "criteria"})
    b = f.mapping(f.get(d, "participation_bonus", dict, "assessment", default={}),
                  "assessment.participation_bonus", {"max_points", "awarded_for"})
    words = f.get(e, "words", list, "assessment.essay", default=[0, 0])
    if len(words) != 2 or not all(isinstance(n, int) for n in words) or words[0] > words[1]:
        f.problem("assessment.essay.words", "must be [fewest, most] words, e.g. [1500, 2500]")
        words = [0, 0]
    criteria = []
    for w, c in f.items(e, "criteria", "assessment.essay"):
        c = f.mapping(c, w, {"id", "column", "title", "max_points"})
        criteria.append(EssayCriterion(f.get(c, "id", str, w), f.get(c, "column", str, w),
                                       f.text(c, "title", w), f.get(c, "max_points", float, w, default=0.0)))
    return Assessment(
        quiz_count=f.get(q, "count", int, "assessment.quizzes", default=0),
        quiz_questions=f.get(q, "questions", int, "assessment.quizzes", default=0),
        points_per_correct=f.get(q, "points_per_correct", float, "assessment.quizzes", default=0.0),
        group_work_max=f.get(g, "max_points", float, "assessment.group_work", default=0.0),
        group_work_task=f.text(g, "task", "assessment.group_work"),
        essay_words=(words[0], words[1]), essay_criteria=tuple(criteria),
        bonus_max=f.get(b, "max_points", float, "assessment.participation_bonus", default=0.0),
        bonus_awarded_for=f.text(b, "awarded_for", "assessment.participation_bonus"))


def _rules(f: Fields, d: dict) -> CertificateRules:
    a = f.mapping(f.get(d, "achievement", dict, "certificates", default={}), "certificates.achievement",
                  {"label", "min_points", "requires_all_items"})
    p = f.mapping(f.get(d, "participation", dict, "certificates", default={}), "certificates.participation",
                  {"label", "min_points", "min_items"})
    n = f.mapping(f.get(d, "none", dict, "certificates", default={}), "certificates.none", {"label"})
    labels = {kind: f.text(part, "label", f"certificates.{kind}", default=kind)
              for kind, part in ((ACHIEVEMENT, a), (PARTICIPATION, p), (NONE, n))}
    return CertificateRules(
        achievement_min_points=f.get(a, "min_points", float, "certificates.achievement", default=0.0),
        achievement_requires_all_items=f.get(a, "requires_all_items", bool, "certificates.achievement",
                                             default=True),
        participation_min_points=f.get(p, "min_points", float, "certificates.participation", default=0.0),
        participation_min_items=f.get(p, "min_items", int, "certificates.participation", default=0),
        labels=labels)


def _band(f: Fields, where: str, raw) -> EngagementBand:
    d = f.mapping(raw, where, {"id", "label", "description", "min_items", "max_items"})
    return EngagementBand(f.get(d, "id", str, where), f.text(d, "label", where),
                          f.text(d, "description", where), f.get(d, "min_items", int, where, default=0),
                          f.get(d, "max_items", int, where, default=0))


def _check_whole(f: Fields, course: Course) -> None:
    """Rules that span fields: hours add up, ids are unique, bands cover every item count once."""
    numbers = [w.number for w in course.weeks]
    if numbers != list(range(1, len(numbers) + 1)):
        f.problem("weeks", f"must be numbered 1, 2, 3 … in order, found {numbers}")
    total = sum(w.hours for w in course.weeks)
    if abs(total - course.hours) > 1e-9:
        f.problem("weeks", f"activity hours add up to {total:g}, but the course declares hours: {course.hours:g}")
    seen: set[str] = set()
    for w in course.weeks:
        for i, a in enumerate(w.activities):
            if a.id in seen:
                f.problem(f"weeks[{w.number - 1}].activities[{i}].id", f"duplicate id {a.id!r}")
            seen.add(a.id)
    if [s.number for s in course.steps] != list(range(1, len(course.steps) + 1)):
        f.problem("steps", "must be numbered 1, 2, 3 … in order")
    modules = {a.id for a in course.activities("module")}
    for i, s in enumerate(course.steps):
        if s.module not in modules:
            f.problem(f"steps[{i}].module", f"{s.module!r} is not a module in weeks")
    for i, p in enumerate(course.assessment_phases):
        if p.module not in modules:
            f.problem(f"assessment_phases[{i}].module", f"{p.module!r} is not a module in weeks")
    quizzes = course.activities("quiz")
    if len(quizzes) != course.assessment.quiz_count:
        f.problem("assessment.quizzes.count",
                  f"is {course.assessment.quiz_count} but the weeks schedule {len(quizzes)} quizzes")
    columns = [c.column for c in course.assessment.essay_criteria]
    if len(set(columns)) != len(columns):
        f.problem("assessment.essay.criteria", "two criteria use the same column")
    items = course.assessment.item_count
    for n in range(items + 1):
        covering = [b.id for b in course.engagement_bands if b.min_items <= n <= b.max_items]
        if len(covering) != 1:
            f.problem("engagement_bands", f"{n} completed items must fall in exactly one band, found {covering or 'none'}")
    r = course.certificates
    if not 0 < r.participation_min_points <= r.achievement_min_points <= course.assessment.base_max:
        f.problem("certificates", "need 0 < participation.min_points <= achievement.min_points <= the base maximum "
                                  f"({course.assessment.base_max:g})")
    if not 0 <= r.participation_min_items <= items:
        f.problem("certificates.participation.min_items", f"must be between 0 and {items}")
