"""The course as data: course.yml and its companions, the quiz bank and the case studies, validated.

`load()` reads all of it at once and reports every problem in every file together. Nothing is
cached: a build or a grading run calls it once and passes the result on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseDataError
from .case_studies import CaseStudy, load_case_studies
from .checklists import CHECKLISTS, Checklist, load_checklists
from .definition import DATA, Course, load_course
from .exercises import EXERCISES, WORKBOOK, Exercise, WorkbookQuestion, load_exercises, load_workbook
from .languages import SOURCE
from .glossary import Term, load_glossary
from .objectives import Objective, load_objectives
from .quizzes import QuizBank, load_quiz_bank
from .rubrics import RUBRICS, Rubrics, load_rubrics
from .sources import Document, documents
from .templates import TEMPLATES, PlanningTemplate, load_templates
from .ui import UI, Interface, load_ui
from .tools import (
    TOOLS,
    FocusGroupScripts,
    Outline,
    Principle,
    Questionnaire,
    load_focus_groups,
    load_outline,
    load_principles,
    load_questionnaires,
)

OUTLINES = ("terms-of-reference", "report-outline", "swot-grid")     # the fill-in documents in tools/


def shared_root() -> Path:
    """The folder holding quizzes/ and case_studies/: the checkout, or the copy an installed package ships."""
    package = DATA.parent
    return package if (package / "quizzes").is_dir() else package.parent


@dataclass(frozen=True)
class CourseContent:
    """Everything the site and the grader read about the course."""

    course: Course
    sources: dict[str, Document]
    checklists: dict[str, Checklist]
    glossary: tuple[Term, ...]
    quiz_bank: QuizBank
    case_studies: tuple[CaseStudy, ...]
    rubrics: Rubrics
    principles: tuple[Principle, ...]
    questionnaires: dict[str, Questionnaire]
    focus_groups: FocusGroupScripts
    outlines: dict[str, Outline]
    objectives: dict[str, tuple[Objective, ...]]     # module id -> its objectives
    exercises: dict[str, tuple[Exercise, ...]]       # module id -> its exercises
    workbook: dict[str, tuple[WorkbookQuestion, ...]]   # module id -> its "For your country" questions
    templates: dict[str, PlanningTemplate]
    ui: Interface                                    # the interface text the site writes itself


def load(root: Path | None = None, lang: str = SOURCE) -> CourseContent:
    """The whole course in one language; `root` holds quizzes/ and case_studies/ (default: shared_root()).

    Every reader-facing text is written `{en: ..., fr: ...}`; a text missing in `lang` is a problem.

    sources.yml and course.yml are read first (everything else refers to them); then every other
    file is read and all their problems are raised together as one CourseDataError.
    """
    root = Path(root) if root is not None else shared_root()
    sources = documents(DATA / "sources.yml")
    course = load_course(DATA / "course.yml", lang, sources)
    problems: list[str] = []

    def attempt(loader, *args):
        try:
            return loader(*args)
        except CourseDataError as exc:
            problems.extend(exc.problems)
            return None

    objectives = attempt(load_objectives, DATA / "objectives.yml", course, lang) or {}
    content = CourseContent(
        course=course, sources=sources,
        checklists=attempt(load_checklists, CHECKLISTS, sources, lang),
        glossary=attempt(load_glossary, DATA / "glossary.yml", sources, lang),
        case_studies=attempt(load_case_studies, root / "case_studies", course, sources, lang),
        rubrics=attempt(load_rubrics, RUBRICS, course, lang),
        principles=attempt(load_principles, TOOLS / "principles.yml", lang),
        questionnaires=attempt(load_questionnaires, TOOLS / "questionnaires.yml", sources, lang),
        focus_groups=attempt(load_focus_groups, TOOLS / "focus-groups.yml", sources, lang),
        outlines={name: attempt(load_outline, name, TOOLS, sources, lang) for name in OUTLINES},
        objectives=objectives,
        quiz_bank=attempt(load_quiz_bank, root / "quizzes", course, sources, objectives, lang),
        exercises=attempt(load_exercises, EXERCISES, sources, lang),
        workbook=attempt(load_workbook, WORKBOOK, lang),
        templates=attempt(load_templates, TEMPLATES, sources, lang),
        ui=attempt(load_ui, UI, lang))
    if problems:
        raise CourseDataError(problems)
    return content
