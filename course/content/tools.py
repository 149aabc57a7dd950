"""The participatory assessment's tools (course/content/tools/*.yml): Box 1's principles with Table 6, the
questionnaires, the focus-group scripts, the Assessment Team's terms of reference, the SWOT grid and
the report outline (source 000). Pages render them through macros; each lives once, here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .sources import Citation, Document, documents, read_citation
from .yamlfile import Fields, load_yaml

TOOLS = Path(__file__).parent / "tools"


@dataclass(frozen=True)
class Challenge:
    """One row of Table 6: a challenge to coherence, what to do about it, and who does it."""

    challenge: str
    actions: tuple[str, ...]
    responsible: tuple[str, ...]


@dataclass(frozen=True)
class Principle:
    """One of the eight guiding principles for analysing policy coherence (Box 1)."""

    number: int
    name: str               # the course's short label; the manual numbers them only
    text: str               # the manual's wording
    challenges: tuple[Challenge, ...]


@dataclass(frozen=True)
class Question:
    text: str
    ask: tuple[str, ...]    # the institutions to address; empty when the manual does not say clearly
    note: str | None


@dataclass(frozen=True)
class Questionnaire:
    id: str
    title: str
    intro: str | None
    source: Citation
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class FocusGroup:
    id: str
    title: str
    target: str
    participants: str
    requirements: str
    objectives: tuple[str, ...]
    questions: dict[str, tuple[str, ...]]     # session id -> questions
    note: str | None


@dataclass(frozen=True)
class Session:
    id: str
    name: str
    minutes: int


@dataclass(frozen=True)
class FocusGroupScripts:
    source: Citation
    sessions: tuple[Session, ...]
    introduction: tuple[str, ...]   # what the facilitator says in the first session, for every group
    groups: tuple[FocusGroup, ...]


@dataclass(frozen=True)
class OutlineSection:
    heading: str
    text: str | None
    items: tuple[str, ...]


@dataclass(frozen=True)
class Outline:
    """A document to fill in: the terms of reference, the report outline, the SWOT grid."""

    id: str
    title: str
    intro: str | None
    source: Citation
    sections: tuple[OutlineSection, ...]


def _source(f: Fields, d: dict, sources: dict[str, Document], where: str = "") -> Citation | None:
    if "source" not in d:
        f.problem(f"{where}.source" if where else "source", "is missing")
        return None
    return read_citation(f, f.get(d, "source", dict, where, default={}), f"{where}.source" if where else "source",
                         sources)


def load_principles(path: Path = TOOLS / "principles.yml", lang: str = "en") -> tuple[Principle, ...]:
    """The eight principles in order, each with its Table 6 rows."""
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "", {"principles"})
    principles = []
    for where, raw in f.items(top, "principles", ""):
        d = f.mapping(raw, where, {"number", "name", "text", "challenges"})
        rows = []
        for w, c in f.items(d, "challenges", where):
            c = f.mapping(c, w, {"challenge", "actions", "responsible"})
            rows.append(Challenge(f.text(c, "challenge", w), f.texts(c, "actions", w, optional=False),
                                  f.texts(c, "responsible", w, optional=False)))
        principles.append(Principle(f.get(d, "number", int, where), f.text(d, "name", where),
                                    f.text(d, "text", where), tuple(rows)))
    if [p.number for p in principles] != list(range(1, len(principles) + 1)):
        f.problem("principles", "must be numbered 1, 2, 3 ... in order")
    f.raise_if_any()
    return tuple(principles)


def load_questionnaires(path: Path = TOOLS / "questionnaires.yml",
                        sources: dict[str, Document] | None = None, lang: str = "en") -> dict[str, Questionnaire]:
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "", {"questionnaires"})
    out = {}
    for where, raw in f.items(top, "questionnaires", ""):
        d = f.mapping(raw, where, {"id", "title", "intro", "source", "questions"})
        questions = []
        for w, q in f.items(d, "questions", where):
            q = f.mapping(q, w, {"text", "ask", "note"})
            questions.append(Question(f.text(q, "text", w), f.texts(q, "ask", w),
                                      f.text(q, "note", w, optional=True)))
        qid = f.get(d, "id", str, where)
        if qid in out:
            f.problem(f"{where}.id", f"duplicate questionnaire id {qid!r}")
        out[qid] = Questionnaire(qid, f.text(d, "title", where), f.text(d, "intro", where, optional=True),
                                 _source(f, d, sources, where), tuple(questions))
    f.raise_if_any()
    return out


def load_focus_groups(path: Path = TOOLS / "focus-groups.yml",
                      sources: dict[str, Document] | None = None, lang: str = "en") -> FocusGroupScripts:
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "", {"source", "sessions", "introduction", "groups"})
    sessions = []
    for where, raw in f.items(top, "sessions", ""):
        d = f.mapping(raw, where, {"id", "name", "minutes"})
        sessions.append(Session(f.get(d, "id", str, where), f.text(d, "name", where),
                                f.get(d, "minutes", int, where)))
    session_ids = {s.id for s in sessions}
    groups = []
    for where, raw in f.items(top, "groups", ""):
        d = f.mapping(raw, where, {"id", "title", "target", "participants", "requirements", "objectives",
                                   "questions", "note"})
        qs = f.mapping(f.get(d, "questions", dict, where, default={}), f"{where}.questions")
        for key in qs:
            if key not in session_ids:
                f.problem(f"{where}.questions.{key}", f"no such session (known: {', '.join(sorted(session_ids))})")
        groups.append(FocusGroup(
            f.get(d, "id", str, where), f.text(d, "title", where), f.text(d, "target", where),
            f.text(d, "participants", where), f.text(d, "requirements", where),
            f.texts(d, "objectives", where, optional=False),
            {k: f.texts(qs, k, f"{where}.questions") for k in qs if k in session_ids},
            f.text(d, "note", where, optional=True)))
    scripts = FocusGroupScripts(_source(f, top, sources), tuple(sessions), f.texts(top, "introduction", "", optional=False),
                                tuple(groups))
    f.raise_if_any()
    return scripts


def load_outline(name: str, folder: Path = TOOLS, sources: dict[str, Document] | None = None, lang: str = "en") -> Outline:
    """One fill-in document, by file name: terms-of-reference, report-outline or swot-grid."""
    sources = sources if sources is not None else documents()
    path = folder / f"{name}.yml"
    f = Fields(path, lang)
    d = f.mapping(load_yaml(path), "", {"title", "intro", "source", "sections"})
    sections = []
    for where, raw in f.items(d, "sections", ""):
        s = f.mapping(raw, where, {"heading", "text", "items"})
        sections.append(OutlineSection(f.text(s, "heading", where), f.text(s, "text", where, optional=True),
                                       f.texts(s, "items", where)))
    outline = Outline(name, f.text(d, "title", ""), f.text(d, "intro", "", optional=True), _source(f, d, sources),
                      tuple(sections))
    f.raise_if_any()
    return outline
