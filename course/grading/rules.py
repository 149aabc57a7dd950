"""The certificate rules (DESIGN.md, "Certificate rules"), as a pure function of a trainee and the course.

Every threshold comes from course.yml. Points are exact Decimals, so nothing is rounded before
comparing: 59.5 is below 60, and 20.1 + 19.9 + 20 is exactly 60.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..content.definition import ACHIEVEMENT, NONE, PARTICIPATION, Course
from ..content.ui import Interface, load_ui, number
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
    # The reasons' texts in `lang` ("achievement": "Achievement: {done} and {base} points …"), and the parts
    # that are the same for every trainee, written once.
    reasons: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    item_names: tuple[str, ...] = field(default=(), compare=False, repr=False)   # quiz 1, …, group work, essay
    done: tuple[str, ...] = field(default=(), compare=False, repr=False)         # by count: "5 of 8 items completed"
    need: tuple[str, str] = field(default=("", ""), compare=False, repr=False)   # the two thresholds' points: "60", "30"

    @classmethod
    def of(cls, course: Course, words: Interface | None = None) -> Rules:
        a, c = course.assessment, course.certificates
        say = words or load_ui()
        reasons = {key.removeprefix("reason."): text for key, text in say.documents.items() if key.startswith("reason.")}
        item_names = (*(say("item.quiz", n=n) for n in range(1, a.quiz_count + 1)), say("item.group_work"),
                      say("item.essay"))
        done = tuple(say("reason.done_some", completed=n, items=a.item_count) for n in range(a.item_count)) \
            + (say("reason.done_all", items=a.item_count),)
        need = (number(c.achievement_min_points, say.lang), number(c.participation_min_points, say.lang))
        return cls(Decimal(str(a.points_per_correct)), a.item_count, Decimal(str(c.achievement_min_points)),
                   c.achievement_requires_all_items, Decimal(str(c.participation_min_points)),
                   c.participation_min_items, say.lang, say, reasons, item_names, done, need)


def decide(trainee: Trainee, rules: Rules) -> Result:
    """Decide a trainee's certificate by the course's rules."""
    quizzes_done = [n for n in trainee.quizzes if n is not None]
    quiz_points = sum(quizzes_done) * rules.points_per_correct
    group_work = trainee.group_work if trainee.group_work is not None else Decimal(0)
    essay = sum(trainee.essay) if trainee.essay is not None else Decimal(0)
    completed = len(quizzes_done) + (trainee.group_work is not None) + (trainee.essay is not None)
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
    missing = missing_items(trainee, rules) if certificate == PARTICIPATION and not may_achieve else []
    reason = _reason(rules, certificate, completed, base, bonus, bonus_applied, missing)
    return Result(quiz_points, group_work, essay, completed, base, bonus_applied, total, certificate, reason)


def missing_items(trainee: Trainee, rules: Rules) -> list[str]:
    """The items not handed in (quizzes, then the group work and the essay) as a reason names them."""
    handed_in = (*trainee.quizzes, trainee.group_work, trainee.essay)
    return [name for name, item in zip(rules.item_names, handed_in) if item is None]


def _reason(rules: Rules, certificate: str, completed: int, base: Decimal, bonus: Decimal, bonus_applied: bool,
            missing: list[str]) -> str:
    """One line: the certificate, what earned it, and what is missing for the next one up."""
    text, lang = rules.reasons, rules.lang
    done, points, need = rules.done[completed], number(base, lang), rules.need[0]
    if certificate == ACHIEVEMENT and not bonus_applied:
        return text["achievement"].format(done=done, base=points, need=need)
    if certificate == ACHIEVEMENT:
        return text["achievement_bonus"].format(done=done, base=points, bonus=number(bonus, lang),
                                                total=number(base + bonus, lang), need=need)
    lacking = []                # what the next certificate up needs that the trainee does not have
    if certificate == PARTICIPATION:
        if missing:
            lacking.append(text["lacking_items"].format(items=rules.items, missing=", ".join(missing)))
        if base < rules.achievement_points and bonus and not missing:
            lacking.append(text["lacking_points_bonus"].format(need=need, base=points,
                                                               total=number(base + bonus, lang)))
        elif base < rules.achievement_points:
            lacking.append(text["lacking_points"].format(need=need, base=points))
        return text["participation"].format(done=done, base=points, lacking=both(rules.words, lacking))
    if completed < rules.participation_items:
        lacking.append(text["lacking_min_items"].format(min=rules.participation_items, items=rules.items,
                                                        completed=completed))
    if base < rules.participation_points:
        lacking.append(text["lacking_points"].format(need=rules.need[1], base=points))
    return text["none"].format(lacking=both(rules.words, lacking))


def both(say: Interface, parts: list[str]) -> str:
    """One or two parts of a reason, joined as the language joins the last two of a list ("a and b")."""
    return parts[0] if len(parts) == 1 else say.documents["list.and"].format(first=", ".join(parts[:-1]), last=parts[-1])
