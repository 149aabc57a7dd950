"""The certificate rules (DESIGN.md, "Certificate rules"), as pure functions of a trainee and the course.

Every threshold comes from course.yml. Points are exact (int or Decimal), so nothing is rounded
before comparing: 59.5 is below 60, and 20.1 + 19.9 + 20 is exactly 60.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import compress, repeat
from operator import is_
from typing import Callable, NamedTuple

from ..content.definition import Course
from .numbers import number
from .scoresheet import Trainee

ACHIEVEMENT, PARTICIPATION, NONE = "achievement", "participation", "none"


class Result(NamedTuple):
    """A trainee's decision. Immutable like a frozen dataclass (so trainees alike can share one), and cheap
    to create."""

    quiz_points: Decimal | int
    group_work_points: Decimal | int
    essay_points: Decimal | int
    completed_items: int
    base: Decimal | int         # quiz points + group work + essay
    bonus_applied: bool         # the participation bonus was needed for Achievement, and added
    total: Decimal | int        # base, plus the bonus when it was applied
    certificate: str            # ACHIEVEMENT, PARTICIPATION or NONE
    reason: str                 # one line a tutor can read to the trainee


def score(trainee: Trainee, course: Course) -> Result:
    """Decide a trainee's certificate by the course's rules, with the reason in one line."""
    return scorer(course)(trainee)


def scorer(course: Course) -> Callable[[Trainee], Result]:
    """`score` for a whole sheet: the course's thresholds worked out once, and what repeats from trainee to
    trainee remembered, for as long as the scorer lives (make one per sheet)."""
    a, r = course.assessment, course.certificates
    per_correct = Decimal(str(a.points_per_correct))
    # Quiz points for every possible number of correct answers: exact, whole numbers as int.
    points_for = [_exact(n * per_correct) for n in range(a.quiz_count * a.quiz_questions + 1)]
    n_items, need, need_p = a.item_count, _exact(Decimal(str(r.achievement_min_points))), \
        _exact(Decimal(str(r.participation_min_points)))
    min_items, all_items = r.participation_min_items, r.achievement_requires_all_items
    explain = _explainer(course, need, need_p)
    item_names = [f"quiz {n}" for n in range(1, a.quiz_count + 1)] + ["the group work", "the essay"]
    new = tuple.__new__         # a Result without NamedTuple's Python-level __new__
    # Remembered (see _remember): whole essays' totals, results (see score_one), reasons and the text
    # around missing items (functions of the few values in their keys: see decide), lists of missing items.
    essay_totals: dict[tuple, Decimal | int] = {}
    results: dict[tuple, tuple[Result, bool, tuple[str, str] | None]] = {}
    results_with_bonus: dict[tuple, tuple[Result, bool, None]] = {}
    reasons: dict[tuple, str] = {}
    gaps: dict[tuple, tuple[str, str]] = {}
    missing_names: dict[tuple[bool, ...], str] = {}

    def score_one(trainee: Trainee) -> Result:
        _, _, _, quizzes, group_work, essay, bonus = trainee      # unpacked at once: cheaper than 4 attributes
        essay_points = None
        if essay is not None:
            essay_points = essay_totals.get(essay)
            if essay_points is None:
                essay_points = _remember(essay_totals, essay, sum(essay))
        # A result depends on little, and that repeats: most are found here, decided once. Left out of the
        # key: the bonus, which counts only below Achievement with every item in, and which quizzes are
        # missing, named only by some Participation reasons. filter(None, …) drops blanks (and zeros).
        key = (sum(filter(None, quizzes)), len(quizzes) - quizzes.count(None), group_work, essay_points)
        result, bonus_counts, gap = results.get(key) or _remember(results, key, decide(*key, None), _RESULTS)
        if bonus and bonus_counts:
            with_bonus = key + (bonus,)
            result = (results_with_bonus.get(with_bonus)
                      or _remember(results_with_bonus, with_bonus, decide(*key, bonus)))[0]
        if gap is not None:         # the reason's text around the names of the missing items
            missing = (*map(is_, quizzes, repeat(None)), group_work is None, essay is None)
            names = missing_names.get(missing) or \
                _remember(missing_names, missing, ", ".join(compress(item_names, missing)))
            result = new(Result, result[:-1] + (names.join(gap),))
        return result

    def decide(correct: int, quizzes_done: int, group_work, essay_points, bonus):
        """The result; whether a bonus could change it; and, if its reason names the missing items, the
        reason's text before and after their names (the result then has no reason yet)."""
        quiz_points, items = points_for[correct], quizzes_done
        if group_work is None:
            group_points = 0
        else:
            group_points = group_work
            items += 1
        if essay_points is None:
            essay_points = 0
        else:
            items += 1
        base = total = quiz_points + group_points + essay_points
        items_ok = items == n_items or not all_items
        applied, why, gap = False, None, None
        if items_ok and base >= need:
            certificate, why = ACHIEVEMENT, (ACHIEVEMENT, items, base, None)
        elif items_ok and bonus and base + bonus >= need:
            certificate, applied, total = ACHIEVEMENT, True, base + bonus
            why = (ACHIEVEMENT, items, base, bonus)
        elif items >= min_items and base >= need_p:
            certificate = PARTICIPATION
            if items_ok:
                why = (PARTICIPATION, items, base, bonus if base < need and bonus else None)
            else:       # the same text around the names for every trainee with these items and points
                gap = gaps.get((items, base)) or _remember(gaps, (items, base), tuple(
                    explain(PARTICIPATION, items, base, None, missing=_GAP).split(_GAP)))
        else:
            certificate, why = NONE, (NONE, items, base, None)
        reason = why and (reasons.get(why) or _remember(reasons, why, explain(*why)))
        result = new(Result, (quiz_points, group_points, essay_points, items, base, applied, total, certificate,
                              reason))
        return result, items_ok and base < need, gap

    return score_one


_GAP = "\0"             # stands for the missing items' names in a reason, which holds no such character


def _explainer(course: Course, need: Decimal | int, need_p: Decimal | int) -> Callable[..., str]:
    """The one-line reason for a decision, from what it depends on: the certificate, the items completed,
    the base points, the bonus when the reason mentions it, and the missing items when Achievement needs them."""
    n_items, min_items = course.assessment.item_count, course.certificates.participation_min_items
    need_text, need_p_text = number(need), number(need_p)

    def done(items: int) -> str:
        return f"all {n_items} items" if items == n_items else f"{items} of {n_items} items"

    def explain(certificate: str, items: int, base, bonus, missing: str | None = None) -> str:
        if certificate == ACHIEVEMENT and bonus is None:
            return f"Achievement: {done(items)} completed and {number(base)} points (at least {need_text} needed)."
        if certificate == ACHIEVEMENT:
            return (f"Achievement: {done(items)} completed; {number(base)} points plus the participation bonus of "
                    f"{number(bonus)} make {number(base + bonus)} (at least {need_text} needed).")
        if certificate == PARTICIPATION:
            short = []          # why not Achievement
            if missing is not None:
                short.append(f"all {n_items} items (missing: {missing})")
            if base < need:
                with_bonus = f"; {number(base + bonus)} with the participation bonus" if bonus else ""
                short.append(f"{need_text} points (has {number(base)}{with_bonus})")
            return (f"Participation: {done(items)} completed and {number(base)} points; "
                    f"Achievement needs {' and '.join(short)}.")
        too_few = f"at least {min_items} of {n_items} items (has {items})"
        if items < min_items:
            lacking = f"{too_few} and {need_p_text} points (has {number(base)})" if base < need_p else too_few
        else:
            lacking = f"{need_p_text} points (has {number(base)})"
        return f"No certificate: Participation needs {lacking}."

    return explain


# Entries per cache: enough for what repeats, and memory stays flat however long the sheet. Results get
# more: a large cohort has some ten thousand distinct ones, and each found saves most of the work.
_REMEMBERED, _RESULTS = 4096, 8192


def _remember(cache: dict, key, value, limit: int = _REMEMBERED):
    """`value`, kept in `cache` under `key` while the cache has room."""
    if len(cache) < limit:
        cache[key] = value
    return value


def _exact(value: Decimal) -> Decimal | int:
    """Whole numbers as int (cheaper to add and print); others unchanged."""
    return int(value) if value == value.to_integral_value() else value
