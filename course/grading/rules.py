"""The certificate rules (DESIGN.md, "Certificate rules"), as a pure function of a trainee and the course.

Every threshold comes from course.yml. Points are exact Decimals, so nothing is rounded before
comparing: 59.5 is below 60, and 20.1 + 19.9 + 20 is exactly 60.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..content.definition import ACHIEVEMENT, NONE, PARTICIPATION, Course
from ..content.ui import Interface, load_ui
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

    lang: str = "en"                    # the language of the reasons
    words: Interface | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, course: Course, words: Interface | None = None) -> Rules:
        a, c = course.assessment, course.certificates
        words = words or load_ui()
        return cls(Decimal(str(a.points_per_correct)), a.item_count, Decimal(str(c.achievement_min_points)),
                   c.achievement_requires_all_items, Decimal(str(c.participation_min_points)),
                   c.participation_min_items, words.lang, words)


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
    missing = () if may_achieve else missing_items(handed_in, rules)
    reason = _reason(rules, certificate, completed, base, bonus, bonus_applied, missing)
    return Result(quiz_points, group_work, essay, completed, base, bonus_applied, total, certificate, reason)


@lru_cache(maxsize=256)         # which items are missing: a few patterns, named once
def missing_items(handed_in: tuple[bool, ...], rules: Rules) -> tuple[str, ...]:
    """The items not handed in (quizzes, then the group work and the essay) as a reason names them."""
    say = rules.words
    names = [say("item.quiz", n=n) for n in range(1, len(handed_in) - 1)] + [say("item.group_work"), say("item.essay")]
    return tuple(name for name, done in zip(names, handed_in) if not done)


@lru_cache(maxsize=4096)        # reasons repeat from trainee to trainee: each is written once
def _reason(rules: Rules, certificate: str, completed: int, base: Decimal, bonus: Decimal, bonus_applied: bool,
            missing: tuple[str, ...]) -> str:
    """One line: the certificate, what earned it, and what is missing for the next one up."""
    say, items, lang = rules.words, rules.items, rules.lang
    need, need_participation = number(rules.achievement_points, lang), number(rules.participation_points, lang)
    done = say("reason.done_all", items=items) if completed == items else \
        say("reason.done_some", completed=completed, items=items)
    if certificate == ACHIEVEMENT and not bonus_applied:
        return say("reason.achievement", done=done, base=number(base, lang), need=need)
    if certificate == ACHIEVEMENT:
        return say("reason.achievement_bonus", done=done, base=number(base, lang), bonus=number(bonus, lang),
                   total=number(base + bonus, lang), need=need)
    if certificate == PARTICIPATION:
        lacking = []            # what Achievement needs that the trainee does not have
        if missing:
            lacking.append(say("reason.lacking_items", items=items, missing=", ".join(missing)))
        if base < rules.achievement_points:
            lacking.append(say("reason.lacking_points_bonus", need=need, base=number(base, lang),
                               total=number(base + bonus, lang)) if bonus and not missing
                           else say("reason.lacking_points", need=need, base=number(base, lang)))
        return say("reason.participation", done=done, base=number(base, lang), lacking=both(say, lacking))
    too_few = say("reason.lacking_min_items", min=rules.participation_items, items=items, completed=completed)
    short_of_points = say("reason.lacking_points", need=need_participation, base=number(base, lang))
    if completed < rules.participation_items:
        lacking = [too_few, short_of_points] if base < rules.participation_points else [too_few]
    else:
        lacking = [short_of_points]
    return say("reason.none", lacking=both(say, lacking))


def both(say: Interface, parts: list[str]) -> str:
    """One or two parts of a reason, joined as the language joins the last two of a list ("a and b")."""
    return parts[0] if len(parts) == 1 else say("list.and", first=", ".join(parts[:-1]), last=parts[-1])
