"""The certificate rules (DESIGN.md, "Certificate rules"), as a pure function of a trainee and the course.

Every threshold comes from course.yml. Points are exact Decimals, so nothing is rounded before
comparing: 59.5 is below 60, and 20.1 + 19.9 + 20 is exactly 60.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..content.definition import ACHIEVEMENT, NONE, PARTICIPATION, Course
from .numbers import number
from .scoresheet import Trainee

__all__ = ["ACHIEVEMENT", "NONE", "PARTICIPATION", "Result", "Rules", "decide"]


class Result(NamedTuple):
    """A trainee's decision, with the reason a tutor can read out."""

    quiz_points: Decimal
    group_work_points: Decimal
    essay_points: Decimal
    completed_items: int
    base: Decimal               # quiz points + group work + essay
    bonus_applied: bool         # the participation bonus was needed for Achievement, and added
    total: Decimal              # base, plus the bonus when it was applied
    certificate: str            # ACHIEVEMENT, PARTICIPATION or NONE
    reason: str                 # one line


@dataclass(frozen=True)
class Rules:
    """The certificate rules of course.yml as exact numbers, worked out once for a whole sheet."""

    points_per_correct: Decimal
    items: int                          # assessed items: each quiz, the group work, the essay
    achievement_points: Decimal
    achievement_needs_all_items: bool
    participation_points: Decimal
    participation_items: int

    @classmethod
    def of(cls, course: Course) -> Rules:
        a, c = course.assessment, course.certificates
        return cls(Decimal(str(a.points_per_correct)), a.item_count, Decimal(str(c.achievement_min_points)),
                   c.achievement_requires_all_items, Decimal(str(c.participation_min_points)),
                   c.participation_min_items)


def decide(trainee: Trainee, rules: Rules) -> Result:
    """Decide a trainee's certificate by the course's rules."""
    quiz_points = sum(n for n in trainee.quizzes if n is not None) * rules.points_per_correct
    group_work = trainee.group_work if trainee.group_work is not None else Decimal(0)
    essay = sum(trainee.essay) if trainee.essay is not None else Decimal(0)
    handed_in = (*(n is not None for n in trainee.quizzes), trainee.group_work is not None, trainee.essay is not None)
    completed = sum(handed_in)
    base = quiz_points + group_work + essay
    bonus = trainee.bonus or Decimal(0)
    may_achieve = completed == rules.items or not rules.achievement_needs_all_items

    bonus_applied, total = False, base
    if may_achieve and base >= rules.achievement_points:
        certificate = ACHIEVEMENT
    elif may_achieve and base + bonus >= rules.achievement_points:
        certificate, bonus_applied, total = ACHIEVEMENT, True, base + bonus
    elif completed >= rules.participation_items and base >= rules.participation_points:
        certificate = PARTICIPATION
    else:
        certificate = NONE
    missing = () if may_achieve else missing_items(handed_in)
    reason = _reason(rules, certificate, completed, base, bonus, bonus_applied, missing)
    return Result(quiz_points, group_work, essay, completed, base, bonus_applied, total, certificate, reason)


@lru_cache(maxsize=256)         # which items are missing: a few patterns, named once
def missing_items(handed_in: tuple[bool, ...]) -> tuple[str, ...]:
    """The items not handed in (quizzes, then the group work and the essay) as a reason names them."""
    names = [f"quiz {n}" for n in range(1, len(handed_in) - 1)] + ["the group work", "the essay"]
    return tuple(name for name, done in zip(names, handed_in) if not done)


@lru_cache(maxsize=4096)        # reasons repeat from trainee to trainee: each is written once
def _reason(rules: Rules, certificate: str, completed: int, base: Decimal, bonus: Decimal, bonus_applied: bool,
            missing: tuple[str, ...]) -> str:
    """One line: the certificate, what earned it, and what is missing for the next one up."""
    items = rules.items
    need, need_participation = number(rules.achievement_points), number(rules.participation_points)
    done = f"all {items} items" if completed == items else f"{completed} of {items} items"
    if certificate == ACHIEVEMENT and not bonus_applied:
        return f"Achievement: {done} completed and {number(base)} points (at least {need} needed)."
    if certificate == ACHIEVEMENT:
        return (f"Achievement: {done} completed; {number(base)} points plus the participation bonus of "
                f"{number(bonus)} make {number(base + bonus)} (at least {need} needed).")
    if certificate == PARTICIPATION:
        lacking = []            # what Achievement needs that the trainee does not have
        if missing:
            lacking.append(f"all {items} items (missing: {', '.join(missing)})")
        if base < rules.achievement_points:
            with_bonus = f"; {number(base + bonus)} with the participation bonus" if bonus and not missing else ""
            lacking.append(f"{need} points (has {number(base)}{with_bonus})")
        return (f"Participation: {done} completed and {number(base)} points; "
                f"Achievement needs {' and '.join(lacking)}.")
    too_few = f"at least {rules.participation_items} of {items} items (has {completed})"
    short_of_points = f"{need_participation} points (has {number(base)})"
    if completed < rules.participation_items:
        lacking_text = f"{too_few} and {short_of_points}" if base < rules.participation_points else too_few
    else:
        lacking_text = short_of_points
    return f"No certificate: Participation needs {lacking_text}."
