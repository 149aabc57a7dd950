"""The certificate rules (DESIGN.md, "Certificate rules"), as pure functions of a trainee and the course.

Every threshold comes from course.yml. Points are Decimals, so nothing is rounded before comparing:
59.5 is below 60, and 20.1 + 19.9 + 20 is exactly 60.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .definition import Course
from .output import number
from .scoresheet import Trainee

ACHIEVEMENT, PARTICIPATION, NONE = "achievement", "participation", "none"


@dataclass(frozen=True)
class Result:
    quiz_points: Decimal
    group_work_points: Decimal
    essay_points: Decimal
    completed_items: int
    base: Decimal               # quiz points + group work + essay
    bonus_applied: bool         # the participation bonus was needed for Achievement, and added
    total: Decimal              # base, plus the bonus when it was applied
    certificate: str            # ACHIEVEMENT, PARTICIPATION or NONE
    reason: str                 # one line a tutor can read to the trainee


def _d(value: float) -> Decimal:
    return Decimal(str(value))


def missing_items(trainee: Trainee) -> list[str]:
    """The assessed items not handed in, in the trainee's words: "quiz 3", "the group work", "the essay"."""
    missing = [f"quiz {n}" for n, q in enumerate(trainee.quizzes, start=1) if q is None]
    if trainee.group_work is None:
        missing.append("the group work")
    if trainee.essay is None:
        missing.append("the essay")
    return missing


def score(trainee: Trainee, course: Course) -> Result:
    """Decide a trainee's certificate by the course's rules, with the reason in one line."""
    a, r = course.assessment, course.certificates
    quiz_points = sum((q for q in trainee.quizzes if q is not None), 0) * _d(a.points_per_correct)
    group_work = trainee.group_work if trainee.group_work is not None else Decimal(0)
    essay = sum(trainee.essay, Decimal(0)) if trainee.essay is not None else Decimal(0)
    base = quiz_points + group_work + essay
    missing = missing_items(trainee)
    items = a.item_count - len(missing)
    bonus = trainee.bonus or Decimal(0)
    need, need_p = _d(r.achievement_min_points), _d(r.participation_min_points)
    items_ok = not missing or not r.achievement_requires_all_items
    n, pts = a.item_count, number

    def result(certificate: str, reason: str, bonus_applied: bool = False) -> Result:
        total = base + bonus if bonus_applied else base
        return Result(quiz_points, group_work, essay, items, base, bonus_applied, total, certificate, reason)

    done = f"all {n} items" if not missing else f"{items} of {n} items"
    if items_ok and base >= need:
        return result(ACHIEVEMENT, f"Achievement: {done} completed and {pts(base)} points "
                                   f"(at least {pts(need)} needed).")
    if items_ok and bonus and base + bonus >= need:
        return result(ACHIEVEMENT, f"Achievement: {done} completed; {pts(base)} points plus the participation "
                                   f"bonus of {pts(bonus)} make {pts(base + bonus)} (at least {pts(need)} needed).",
                      bonus_applied=True)
    short = []                  # why not Achievement
    if not items_ok:
        short.append(f"all {n} items (missing: {', '.join(missing)})")
    if base < need:
        with_bonus = f"; {pts(base + bonus)} with the participation bonus" if bonus and items_ok else ""
        short.append(f"{pts(need)} points (has {pts(base)}{with_bonus})")
    if items >= r.participation_min_items and base >= need_p:
        return result(PARTICIPATION, f"Participation: {done} completed and {pts(base)} points; "
                                     f"Achievement needs {' and '.join(short)}.")
    lacking = []
    if items < r.participation_min_items:
        lacking.append(f"at least {r.participation_min_items} of {n} items (has {items})")
    if base < need_p:
        lacking.append(f"{pts(need_p)} points (has {pts(base)})")
    return result(NONE, f"No certificate: Participation needs {' and '.join(lacking)}.")
