"""The quiz bank (quizzes/week-N.yml) and the answer files trainees download from the quiz pages.

One bank feeds the quiz pages and the grader's answer key. Each quiz has an *edition*: a short hash of
its questions and options, printed into every answer file, so a file answered against an edited quiz
is detected instead of silently scored against the wrong questions.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseDataError
from .definition import Course, load_course
from .objectives import Objective, load_objectives, objective_index
from .sources import Citation, Document, documents, read_citation
from .languages import SOURCE
from .yamlfile import Fields, load_yaml

ANSWER_FORMAT = "lmp-quiz-answers"
ANSWER_VERSION = 1
ANSWER_FILE_NAME = "quiz-{quiz}-{trainee_id}.json"     # as the quiz page names the file it saves
LETTERS = "abcde"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_BANNED = ("all of the above", "none of the above", "all of these", "none of these")
LEVELS = ("recall", "understanding", "application")


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: dict[str, str]     # letter -> text, in order a, b, c …
    answer: str                 # the correct letter
    explanation: str
    source: Citation
    module: str                 # id of the module (course.yml) the question tests
    level: str | None = None    # recall | understanding | application (LEVELS); the bank linter requires it
    objective: str | None = None  # id of the module objective (objectives.yml) the question tests


@dataclass(frozen=True)
class Quiz:
    key: str                    # "week-1": the file stem, used in pages and answer files
    week: int
    title: str
    modules: tuple[str, ...]
    questions: tuple[Question, ...]
    source_edition: str | None = None   # a translation's: the English quiz's, so answer files carry across

    @property
    def edition(self) -> str:
        """A hash of the questions and their options (not the key: graded pages must not reveal it).

        The same in every language: an answer file from the French quiz is graded like the English one.
        """
        if self.source_edition:
            return self.source_edition
        canon = [[q.id, q.question, sorted(q.options.items())] for q in self.questions]
        return hashlib.sha256(json.dumps([self.key, canon], ensure_ascii=False).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class QuizBank:
    quizzes: dict[str, Quiz]    # by key, "week-1" …

    def quiz(self, key: str) -> Quiz:
        return self.quizzes[key]


def load_quiz(path: Path, course: Course, sources: dict[str, Document] | None = None,
              objectives: dict[str, Objective] | None = None, lang: str = "en") -> Quiz:
    """Load and validate one week's quiz; every problem names the file and the question."""
    sources = sources if sources is not None else documents()
    objectives = objectives if objectives is not None else objective_index(load_objectives(course=course))
    f = Fields(path, lang)
    d = f.mapping(load_yaml(path), "", {"week", "title", "modules", "questions"})
    key = path.stem
    week = f.get(d, "week", int, "")
    match = re.fullmatch(r"week-(\d+)", key)
    if not match:
        f.problem("(file name)", "must be week-N.yml")
    elif week is not None and int(match.group(1)) != week:
        f.problem("week", f"is {week} but the file is {path.name}")
    week_numbers = {w.number for w in course.weeks}
    if week is not None and week not in week_numbers:
        f.problem("week", f"week {week} is not in the course (weeks {min(week_numbers)}-{max(week_numbers)})")
    module_ids = {a.id for a in course.activities("module")}
    modules = []
    for where, m in f.items(d, "modules", ""):
        if m not in module_ids:
            f.problem(where, f"{m!r} is not a module in course.yml")
        modules.append(m)
    questions = [_question(f, where, raw, modules, sources, objectives) for where, raw in f.items(d, "questions", "")]
    expected = course.assessment.quiz_questions
    if "questions" in d and len(questions) != expected:
        f.problem("questions", f"has {len(questions)} questions; every quiz has exactly {expected}")
    seen: set[str] = set()
    for i, q in enumerate(questions):
        if q.id in seen:
            f.problem(f"questions[{i}].id", f"duplicate question id {q.id!r}")
        seen.add(q.id)
    f.raise_if_any()
    # A translation has the edition of the English text it translates (when that changes, so does the edition).
    source = load_quiz(path, course, sources, objectives, SOURCE).edition if lang != SOURCE else None
    return Quiz(key, week, f.text(d, "title", ""), tuple(modules), tuple(questions), source)


def _question(f: Fields, where: str, raw, modules: list[str], sources: dict[str, Document],
              objectives: dict[str, Objective]) -> Question:
    d = f.mapping(raw, where, {"id", "question", "options", "answer", "explanation", "source", "module",
                               "level", "objective"})
    qid = f.get(d, "id", str, where)
    where = f"{where} ({qid})" if qid else where
    if qid is not None and not _ID.match(qid):
        f.problem(f"{where}.id", "must be lower-case letters, digits and hyphens, e.g. w1-rationale")
    options = {letter: f.translated(text, f"{where}.options.{letter}")
               for letter, text in f.mapping(f.get(d, "options", dict, where, default={}), f"{where}.options").items()}
    letters = [str(k) for k in options]
    if options and letters != list(LETTERS[:len(letters)]) or options and not 3 <= len(letters) <= 5:
        f.problem(f"{where}.options", f"must be 3 to 5 options lettered a, b, c … in order, found {letters}")
    for letter, text in options.items():
        if not isinstance(text, str) or not text.strip():
            f.problem(f"{where}.options.{letter}", "must be text")
        elif text.strip().lower().rstrip(".") in _BANNED:
            f.problem(f"{where}.options.{letter}", f"{text!r}: no 'all/none of the above' options")
    answer = f.get(d, "answer", str, where)
    if answer is not None and answer not in options:
        f.problem(f"{where}.answer", f"{answer!r} is not one of the options {letters}")
    module = f.get(d, "module", str, where)
    if module is not None and module not in modules:
        f.problem(f"{where}.module", f"{module!r} is not among this quiz's modules {modules}")
    source = read_citation(f, f.get(d, "source", dict, where, default={}), f"{where}.source", sources) \
        if "source" in d else f.problem(f"{where}.source", "is missing")
    level = f.get(d, "level", str, where, optional=True)
    if level is not None and level not in LEVELS:
        f.problem(f"{where}.level", f"{level!r} is not a level (use one of: {', '.join(LEVELS)})")
    objective = f.get(d, "objective", str, where, optional=True)
    if objective is not None:
        if objective not in objectives:
            f.problem(f"{where}.objective", f"{objective!r} is not an objective in objectives.yml")
        elif module is not None and objectives[objective].module != module:
            f.problem(f"{where}.objective", f"{objective!r} is an objective of {objectives[objective].module}, "
                                            f"not of this question's module {module}")
    return Question(qid, f.text(d, "question", where), {str(k): str(v).strip() for k, v in options.items()},
                    answer, f.text(d, "explanation", where), source, module, level, objective)


def load_quiz_bank(folder: Path, course: Course | None = None, sources: dict[str, Document] | None = None,
                   objectives: dict[str, tuple[Objective, ...]] | None = None, lang: str = "en") -> QuizBank:
    """All quizzes; problems in every file are reported together. Question ids are unique bank-wide."""
    course = course or load_course()
    sources = sources if sources is not None else documents()
    index = objective_index(objectives if objectives is not None else load_objectives(course=course))
    quizzes, problems = {}, []
    for path in sorted(folder.glob("week-*.yml")):
        try:
            quizzes[path.stem] = load_quiz(path, course, sources, index, lang=lang)
        except CourseDataError as exc:
            problems.extend(exc.problems)
    owners: dict[str, str] = {}
    for quiz in quizzes.values():
        for q in quiz.questions:
            if q.id in owners:
                problems.append(f"{folder / (quiz.key + '.yml')}: {q.id}: question id also used in {owners[q.id]}.yml")
            owners[q.id] = quiz.key
    if problems:
        raise CourseDataError(problems)
    return QuizBank(quizzes)
