"""Exercises (course/content/exercises/<module>.yml) and workbook questions (course/content/workbook.yml).

An exercise asks the trainee to do something with a module: analyse a situation, draft a text, classify
a case. The model answer and the points a good answer contains are practice-only: the graded edition
leaves them out of the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseDataError
from .sources import Citation, Document, documents, read_citation
from .yamlfile import Fields, load_yaml

DATA = Path(__file__).parent
EXERCISES = DATA / "exercises"
WORKBOOK = DATA / "workbook.yml"
KINDS = {"analyse": "Analyse", "draft": "Draft", "classify": "Classify"}   # kind -> label on the page
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Exercise:
    id: str                          # stable: part of the storage key of the trainee's answer
    module: str
    title: str
    kind: str                        # one of KINDS
    scenario: str                    # Markdown
    task: str                        # Markdown
    model_answer: str                # Markdown
    good_answer_contains: tuple[str, ...]
    source: Citation | None          # where the facts and the model answer come from
    course_own: bool                 # the model answer is the course's own example

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class WorkbookQuestion:
    id: str                          # stable: part of the storage key of the trainee's entry
    module: str
    question: str                    # Markdown, one paragraph


def _check_id(f: Fields, value, where: str) -> None:
    if value is not None and not _ID.match(value):
        f.problem(where, f"{value!r} must be lower-case words joined by hyphens, e.g. step-6-smart-indicator")


def load_exercise_file(path: Path, sources: dict[str, Document] | None = None, lang: str = "en") -> tuple[Exercise, ...]:
    """One module's exercises; the file is named after the module (step-6.yml holds module: step-6)."""
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    d = f.mapping(load_yaml(path), "", {"module", "exercises"})
    module = f.get(d, "module", str, "")
    if module is not None and module != path.stem:
        f.problem("module", f"is {module!r} but the file is {path.name}: name the file after the module")
    exercises, seen = [], set()
    for where, raw in f.items(d, "exercises", ""):
        e = f.mapping(raw, where, {"id", "title", "kind", "scenario", "task", "model_answer",
                                   "good_answer_contains", "source", "course_own"})
        eid = f.get(e, "id", str, where)
        _check_id(f, eid, f"{where}.id")
        if eid in seen:
            f.problem(f"{where}.id", f"duplicate exercise id {eid!r}")
        seen.add(eid)
        kind = f.get(e, "kind", str, where)
        if kind is not None and kind not in KINDS:
            f.problem(f"{where}.kind", f"{kind!r} is not a kind of exercise (use one of: {', '.join(KINDS)})")
        points = f.texts(e, "good_answer_contains", where)
        if "good_answer_contains" in e and not points:
            f.problem(f"{where}.good_answer_contains", "must list at least one point")
        source = read_citation(f, e["source"], f"{where}.source", sources) if e.get("source") is not None else None
        course_own = f.get(e, "course_own", bool, where, optional=True, default=False)
        if source is None and not course_own and e.get("source") is None:
            f.problem(f"{where}.source", "is missing: cite the document and place the model answer comes from, "
                                         "or say course_own: true if it is the course's own example")
        exercises.append(Exercise(eid, module, f.text(e, "title", where), kind,
                                  f.text(e, "scenario", where), f.text(e, "task", where),
                                  f.text(e, "model_answer", where), tuple(points), source, course_own))
    if "exercises" in d and not exercises:
        f.problem("exercises", "must list at least one exercise")
    f.raise_if_any()
    return tuple(exercises)


def load_exercises(folder: Path = EXERCISES, sources: dict[str, Document] | None = None, lang: str = "en") -> dict[str, tuple[Exercise, ...]]:
    """Every module's exercises by module id; every problem in every file is reported together."""
    sources = sources if sources is not None else documents()
    found, problems, owners = {}, [], {}
    for path in sorted(folder.glob("*.yml")):
        try:
            exercises = load_exercise_file(path, sources, lang=lang)
        except CourseDataError as exc:
            problems.extend(exc.problems)
            continue
        for e in exercises:    # ids are storage keys: one id, one exercise, across the whole course
            if e.id in owners:
                problems.append(f"{path}: exercise id {e.id!r} is already used in {owners[e.id].name}")
            owners[e.id] = path
        found[path.stem] = exercises
    if problems:
        raise CourseDataError(problems)
    return found


def load_workbook(path: Path = WORKBOOK, lang: str = "en") -> dict[str, tuple[WorkbookQuestion, ...]]:
    """Workbook questions by module id, in the order the file gives them."""
    f = Fields(path, lang)
    d = f.mapping(load_yaml(path), "")
    workbook, seen = {}, set()
    for module, entries in d.items():
        module = str(module)
        questions = []
        if not isinstance(entries, list) or not entries:
            f.problem(module, "must list at least one question")
            continue
        for i, raw in enumerate(entries):
            where = f"{module}[{i}]"
            q = f.mapping(raw, where, {"id", "question"})
            qid = f.get(q, "id", str, where)
            _check_id(f, qid, f"{where}.id")
            if qid in seen:
                f.problem(f"{where}.id", f"duplicate workbook question id {qid!r}")
            seen.add(qid)
            questions.append(WorkbookQuestion(qid, module, f.text(q, "question", where)))
        workbook[module] = tuple(questions)
    f.raise_if_any()
    return workbook


def answer_key(kind: str, item_id: str) -> str:
    """The name under which the browser keeps a trainee's answer: `kind` is "exercise" or "workbook".

    storage.js files it under the course's prefix and edition, so "My course file" carries it and a
    new edition starts with an empty workbook.
    """
    return f"{kind}:{item_id}"
