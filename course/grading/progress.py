"""What each trainee still needs, from a score sheet taken mid-course (a blank item is not yet due).

The rules live in one place (rules.py). This module only asks them questions: it hands in the items
left, with chosen points, on a copy of the trainee and lets `score` decide. "What it takes" is the least
that `score` accepts: the fewest items, then the fewest points (found by halving, in hundredths).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Callable

from ..content.definition import Course
from ..content.ui import Interface, load_ui, number
from .rules import ACHIEVEMENT, NONE, PARTICIPATION, Result, Rules, both, decide
from .scoresheet import Trainee

RANK = {NONE: 0, PARTICIPATION: 1, ACHIEVEMENT: 2}
EARNED, WITHIN_REACH, OUT_OF_REACH = "earned", "within_reach", "out_of_reach"   # ui.yml: progress.state.<state>
_STEP = Decimal("0.01")             # points are searched in hundredths


@dataclass(frozen=True)
class Left:
    """An assessed item not handed in yet."""

    kind: str                       # "quiz", "group_work" or "essay"
    number: int                     # the quiz's number; 0 otherwise
    max_points: Decimal

    def name(self, say: Interface) -> str:
        return say("item.quiz", n=self.number) if self.kind == "quiz" else say(f"item.{self.kind}")

    def points_name(self, say: Interface) -> str:
        return say(f"progress.points_of_{self.kind}", **({"n": self.number} if self.kind == "quiz" else {}))


@dataclass(frozen=True)
class Outlook:
    certificate: str                # ACHIEVEMENT or PARTICIPATION
    state: str                      # EARNED, WITHIN_REACH or OUT_OF_REACH
    reason: str


@dataclass(frozen=True)
class Progress:
    trainee: Trainee
    now: Result                     # as the sheet stands
    left: tuple[Left, ...]
    outlooks: tuple[Outlook, ...]   # Achievement, then Participation


class ProgressReader:
    """`progress(trainee)` for a whole sheet, with the course's scales worked out once."""

    def __init__(self, course: Course, words: Interface | None = None):
        a = course.assessment
        self.course = course
        self.words = say = words or load_ui()
        self.per_correct = Decimal(str(a.points_per_correct))
        self.quiz_max = a.quiz_questions * self.per_correct
        self.questions = a.quiz_questions
        self.criteria_max = [Decimal(str(c.max_points)) for c in a.essay_criteria]
        self.group_max = Decimal(str(a.group_work_max))
        self.score: Callable[[Trainee], Result] = partial(decide, rules=Rules.of(course, say))

    def items_left(self, trainee: Trainee) -> tuple[Left, ...]:
        left = [Left("essay", 0, sum(self.criteria_max))] if trainee.essay is None else []
        if trainee.group_work is None:
            left.append(Left("group_work", 0, self.group_max))
        left += [Left("quiz", n, self.quiz_max) for n, q in enumerate(trainee.quizzes, start=1) if q is None]
        return tuple(left)

    def handed_in(self, trainee: Trainee, items: tuple[Left, ...], points: Decimal) -> Trainee:
        """A copy of `trainee` with `items` handed in and `points` spread over them: the essay and the group
        work first (any fraction of a point), then quizzes (whole answers: rounded up)."""
        quizzes, group_work, essay = list(trainee.quizzes), trainee.group_work, trainee.essay
        for item in items:          # essay and group work come before quizzes in items_left
            if item.kind == "essay":
                criteria = []
                for top in self.criteria_max:
                    criteria.append(min(points, top))
                    points -= criteria[-1]
                essay = tuple(criteria)
            elif item.kind == "group_work":
                group_work = min(points, self.group_max)
                points -= group_work
            else:
                correct = min(self.questions, math.ceil(points / self.per_correct))
                quizzes[item.number - 1] = correct
                points = max(Decimal(0), points - correct * self.per_correct)
        return trainee._replace(quizzes=tuple(quizzes), group_work=group_work, essay=essay)

    def reaches(self, trainee: Trainee, certificate: str) -> bool:
        return RANK[self.score(trainee).certificate] >= RANK[certificate]

    def least_points(self, trainee: Trainee, items: tuple[Left, ...], certificate: str) -> Decimal:
        """The fewest points `items` must add for `score` to give `certificate` (it does at full marks)."""
        low, high = 0, int(sum(i.max_points for i in items) / _STEP)        # in hundredths
        while low < high:
            middle = (low + high) // 2
            if self.reaches(self.handed_in(trainee, items, middle * _STEP), certificate):
                high = middle
            else:
                low = middle + 1
        # What was handed in (a quiz counts whole answers, so it may be a little more than low hundredths).
        return Decimal(self.score(self.handed_in(trainee, items, low * _STEP)).base - self.score(trainee).base)

    def progress(self, trainee: Trainee) -> Progress:
        left = self.items_left(trainee)
        return Progress(trainee, self.score(trainee), left,
                        tuple(self.outlook(trainee, left, c) for c in (ACHIEVEMENT, PARTICIPATION)))

    def outlook(self, trainee: Trainee, left: tuple[Left, ...], certificate: str) -> Outlook:
        say = self.words
        label = say(f"cert.{certificate}")
        if self.reaches(trainee, certificate):
            return Outlook(certificate, EARNED, say("progress.earned", label=label))
        full = sum(i.max_points for i in left)
        best = self.score(self.handed_in(trainee, left, full))
        if RANK[best.certificate] < RANK[certificate]:
            if not left:
                return Outlook(certificate, OUT_OF_REACH, say("progress.nothing_left", label=label))
            return Outlook(certificate, OUT_OF_REACH,
                           say("progress.out_of_reach", label=label, count=say.plural("progress.count", len(left)),
                               full=say.plural("progress.points", full), best=say.plural("progress.points", best.base),
                               completed=best.completed_items, items=self.course.assessment.item_count))
        # The fewest items that can still do it (the biggest first, at full marks) ...
        by_size = tuple(sorted(left, key=lambda i: -i.max_points))
        needed = next(k for k in range(len(left) + 1)
                      if self.reaches(self.handed_in(trainee, _in_order(left, by_size[:k]),
                                                     sum(i.max_points for i in by_size[:k])), certificate))
        # ... and the fewest points, with every item left handed in.
        points = self.least_points(trainee, left, certificate)
        return Outlook(certificate, WITHIN_REACH, _within_reach(label, left, needed, points, self))


def _in_order(left: tuple[Left, ...], chosen: tuple[Left, ...]) -> tuple[Left, ...]:
    return tuple(i for i in left if i in chosen)


def _names(items: tuple[Left, ...], say: Interface) -> str:
    names = [i.name(say) for i in sorted(items, key=lambda i: (i.kind != "quiz", i.number))]
    return both(say, [", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _within_reach(label: str, left: tuple[Left, ...], needed: int, points: Decimal, reader: ProgressReader) -> str:
    say, lang = reader.words, reader.words.lang
    if len(left) == 1 and needed == 1 and points > 0:
        item = left[0]
        extra = ""
        if item.kind == "quiz":
            extra = say("progress.quiz_answers", correct=math.ceil(points / reader.per_correct),
                        questions=reader.questions)
        return say("progress.needs_points_of", label=label, points=number(points, lang),
                   max=number(item.max_points, lang), points_name=item.points_name(say), extra=extra)
    if needed == len(left):
        which = say("progress.one_handed_in", names=_names(left, say)) if len(left) == 1 else \
            say("progress.all_handed_in", n=len(left), names=_names(left, say))
    else:
        which = say("progress.some_handed_in", needed=needed, n=len(left), names=_names(left, say))
    if points == 0:
        return say("progress.whatever_the_marks", label=label, which=which)
    full = sum(i.max_points for i in left)
    return say("progress.more_points", label=label, which=which, more=say.plural("progress.more", points),
               full=number(full, lang))
