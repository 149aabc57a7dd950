"""The certificate rules (DESIGN.md, "Certificate rules"), as pure functions of a trainee and the course.

Every threshold comes from course.yml. Points are exact (int or Decimal), so nothing is rounded
before comparing: 59.5 is below 60, and 20.1 + 19.9 + 20 is exactly 60.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, NamedTuple

from .definition import Course
from .output import number
from .scoresheet import Trainee

ACHIEVEMENT, PARTICIPATION, NONE = "achievement", "participation", "none"


class Result(NamedTuple):
    """A trainee's decision. Immutable like a frozen dataclass, and cheap to create (one per row)."""

    quiz_points: Decimal | int
    group_work_points: Decimal | int
    essay_points: Decimal | int
    completed_items: int
    base: Decimal | int         # quiz points + group work + essay
    bonus_applied: bool         # the participation bonus was needed for Achievement, and added
    total: Decimal | int        # base, plus the bonus when it was applied
    certificate: str            # ACHIEVEMENT, PARTICIPATION or NONE
    reason: str                 # one line a tutor can read to the trainee


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
    return scorer(course)(trainee)


_SCORERS: dict[int, tuple[Course, Callable[[Trainee], Result]]] = {}


def scorer(course: Course) -> Callable[[Trainee], Result]:
    """`score` with the course's thresholds worked out once, for scoring a whole sheet."""
    cached = _SCORERS.get(id(course))
    if cached is None or cached[0] is not course:
        cached = _SCORERS[id(course)] = (course, _make_scorer(course))
    return cached[1]


def _make_scorer(course: Course) -> Callable[[Trainee], Result]:
    a, r = course.assessment, course.certificates
    per_correct = Decimal(str(a.points_per_correct))
    # Quiz points for every possible number of correct answers: exact, whole numbers as int.
    points_for = [_exact(n * per_correct) for n in range(a.quiz_count * a.quiz_questions + 1)]
    n_items, need, need_p = a.item_count, _exact(Decimal(str(r.achievement_min_points))), \
        _exact(Decimal(str(r.participation_min_points)))
    min_items, all_items = r.participation_min_items, r.achievement_requires_all_items
    need_text, need_p_text = number(need), number(need_p)
    new = tuple.__new__         # builds a Result without the Python-level NamedTuple call: once per trainee

    # Reason fragments that depend only on the number of items, worked out once.
    done = [f"all {n_items} items" if n == n_items else f"{n} of {n_items} items" for n in range(n_items + 1)]
    too_few = [f"at least {min_items} of {n_items} items (has {n})" for n in range(n_items + 1)]
    # The commonest reasons depend only on the certificate, the items and the points: remembered.
    reasons: dict[tuple, str] = {}

    def remember(key: tuple, reason: str) -> str:
        if len(reasons) < 4096:
            reasons[key] = reason
        return reason

    def score_one(trainee: Trainee) -> Result:
        _, _, _, quizzes, group_work, essay, bonus = trainee      # unpacked at once: cheaper than 4 attributes
        blank = quizzes.count(None)
        quiz_points = points_for[sum(filter(None, quizzes))]    # filter(None, …) drops blanks (and zeros)
        items = len(quizzes) - blank
        if group_work is None:
            group_work = 0
        else:
            items += 1
        if essay is None:
            essay = 0
        else:
            essay = sum(essay)
            items += 1
        base = quiz_points + group_work + essay
        items_ok = items == n_items or not all_items
        if items_ok and base >= need:
            reason = reasons.get((ACHIEVEMENT, items, base))
            if reason is None:
                reason = remember((ACHIEVEMENT, items, base), f"Achievement: {done[items]} completed and "
                                                              f"{number(base)} points (at least {need_text} needed).")
            return new(Result, (quiz_points, group_work, essay, items, base, False, base, ACHIEVEMENT, reason))
        if items_ok and bonus and base + bonus >= need:
            total = base + bonus
            return new(Result, (quiz_points, group_work, essay, items, base, True, total, ACHIEVEMENT,
                                f"Achievement: {done[items]} completed; {number(base)} points plus the "
                                f"participation bonus of {number(bonus)} make {number(total)} "
                                f"(at least {need_text} needed)."))
        if items >= min_items and base >= need_p:
            short = []          # why not Achievement
            if not items_ok:
                short.append(f"all {n_items} items (missing: {', '.join(missing_items(trainee))})")
            if base < need:
                with_bonus = f"; {number(base + bonus)} with the participation bonus" if bonus and items_ok else ""
                short.append(f"{need_text} points (has {number(base)}{with_bonus})")
            return new(Result, (quiz_points, group_work, essay, items, base, False, base, PARTICIPATION,
                                f"Participation: {done[items]} completed and {number(base)} points; "
                                f"Achievement needs {' and '.join(short)}."))
        reason = reasons.get((NONE, items, base))
        if reason is None:
            if items < min_items:
                lacking = (f"{too_few[items]} and {need_p_text} points (has {number(base)})" if base < need_p
                           else too_few[items])
            else:
                lacking = f"{need_p_text} points (has {number(base)})"
            reason = remember((NONE, items, base), f"No certificate: Participation needs {lacking}.")
        return new(Result, (quiz_points, group_work, essay, items, base, False, base, NONE, reason))

    return score_one


def _exact(value: Decimal) -> Decimal | int:
    """Whole numbers as int (cheaper to add and print); others unchanged."""
    return int(value) if value == value.to_integral_value() else value
