"""Honest study time: how long an activity's content takes, from what is on its pages.

The tutors' guide ("How study times are set") explains these rates; tests/test_study_time.py counts
the content of every built page and fails when course.yml's stated hours are more than 30 % off.
"""

from __future__ import annotations

from dataclasses import dataclass

WORDS_READ_PER_MINUTE = 150         # a careful reader in a second language (DESIGN.md, "Honest time")
MINUTES_PER_CHECKLIST_ITEM = 1.5    # answer one checklist question for your own country
MINUTES_PER_WORKBOOK_QUESTION = 8   # think about one "For your country" question and write a note
MINUTES_PER_EXERCISE = 10           # write your answer before opening the model (its words are read too)
MINUTES_PER_QUIZ_QUESTION = 2       # weigh four options and choose
WORDS_WRITTEN_PER_HOUR = 300        # drafting in a second language
REVISING = 0.5                      # planning and revising take half as long again as drafting
TOLERANCE = 0.30                    # a stated time may be this far from the measure, either way


@dataclass(frozen=True)
class Content:
    """What an activity asks a trainee to do, counted on its pages."""

    words_read: int = 0             # the pages' words, plus the source chapters the pages ask for
    checklist_items: int = 0
    workbook_questions: int = 0
    exercises: int = 0
    quiz_questions: int = 0
    words_written: int = 0          # a text the trainee hands in (the essay)
    task_minutes: float = 0         # tasks the page times itself (group meetings and the like)


def study_hours(content: Content) -> float:
    """The hours an activity's content takes at the course's rates."""
    minutes = (content.words_read / WORDS_READ_PER_MINUTE
               + content.checklist_items * MINUTES_PER_CHECKLIST_ITEM
               + content.workbook_questions * MINUTES_PER_WORKBOOK_QUESTION
               + content.exercises * MINUTES_PER_EXERCISE
               + content.quiz_questions * MINUTES_PER_QUIZ_QUESTION
               + content.words_written / WORDS_WRITTEN_PER_HOUR * 60 * (1 + REVISING)
               + content.task_minutes)
    return minutes / 60


def within_tolerance(stated: float, measured: float) -> bool:
    """Is a stated time within TOLERANCE of the measured one?"""
    return abs(stated - measured) <= TOLERANCE * measured + 1e-9      # 1.3 against 1.0 is inside
