"""The certificate rules at every boundary (DESIGN.md, "Certificate rules")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sheets import COURSE

from course.grading.rules import ACHIEVEMENT, NONE, PARTICIPATION, Rules, decide
from course.grading.scoresheet import Trainee


def score(trainee: Trainee, course) -> object:
    return decide(trainee, Rules.of(course))


def trainee(quizzes=(10,) * 6, group_work="30", essay=("10", "10", "10", "10"), bonus=None) -> Trainee:
    return Trainee(2, "T1", "Ann", tuple(quizzes), None if group_work is None else Decimal(group_work),
                   None if essay is None else tuple(Decimal(e) for e in essay),
                   None if bonus is None else Decimal(bonus))


def with_base(base: str, bonus=None, **kw) -> Trainee:
    """All 8 items, 30 quiz points and 0 group work, the essay making up `base`."""
    essay_total = Decimal(base) - 30
    assert 0 <= essay_total <= 40
    quarter = essay_total / 4
    return trainee(group_work="0", essay=(str(quarter),) * 4, bonus=bonus, **kw)


def test_full_marks():
    r = score(trainee(), COURSE)
    assert (r.quiz_points, r.group_work_points, r.essay_points, r.total) == (30, 30, 40, 100)
    assert r.certificate == ACHIEVEMENT and r.completed_items == 8 and not r.bonus_applied


def test_60_is_achievement_and_59_5_is_not():
    assert score(with_base("60"), COURSE).certificate == ACHIEVEMENT
    r = score(with_base("59.5"), COURSE)
    assert r.certificate == PARTICIPATION and r.total == Decimal("59.5")
    assert "60 points (has 59.5)" in r.reason


def test_no_rounding_error_in_decimal_sums():
    r = score(trainee(quizzes=(0,) * 6, group_work="20.1", essay=("4.9", "5", "15", "15")), COURSE)
    assert r.base == 60 and r.certificate == ACHIEVEMENT


def test_30_is_participation_and_29_5_is_not():
    five_items = (10, 10, 10, None, None, None)   # 15 points
    r = score(trainee(quizzes=five_items, group_work="15", essay=None), COURSE)
    assert r.completed_items == 4 and r.certificate == NONE
    r = score(trainee(quizzes=five_items, group_work="5", essay=("2.5",) * 4), COURSE)
    assert (r.completed_items, r.base, r.certificate) == (5, 30, PARTICIPATION)
    r = score(trainee(quizzes=five_items, group_work="4.5", essay=("2.5",) * 4), COURSE)
    assert (r.base, r.certificate) == (Decimal("29.5"), NONE)
    assert "30 points (has 29.5)" in r.reason


def test_bonus_needed_is_applied_in_full():
    r = score(with_base("55", bonus="7.5"), COURSE)
    assert r.certificate == ACHIEVEMENT and r.bonus_applied and r.total == Decimal("62.5") and r.base == 55
    assert "participation bonus of 7.5" in r.reason


def test_bonus_exactly_enough():
    r = score(with_base("50", bonus="10"), COURSE)
    assert r.certificate == ACHIEVEMENT and r.bonus_applied and r.total == 60


def test_bonus_not_needed_is_not_added():
    r = score(with_base("70", bonus="10"), COURSE)
    assert r.certificate == ACHIEVEMENT and not r.bonus_applied and r.total == 70


def test_bonus_not_enough_is_not_added():
    r = score(with_base("49.5", bonus="10"), COURSE)
    assert r.certificate == PARTICIPATION and not r.bonus_applied and r.total == Decimal("49.5")
    assert "59.5 with the participation bonus" in r.reason


def test_bonus_never_makes_up_for_a_missing_item():
    r = score(trainee(quizzes=(10,) * 5 + (None,), group_work="25", bonus="10"), COURSE)
    assert (r.completed_items, r.base) == (7, 90)   # 25 + 25 + 40
    assert r.certificate == PARTICIPATION and not r.bonus_applied and r.total == 90
    assert "missing: quiz 6" in r.reason


def test_60_points_without_the_essay_is_participation():
    r = score(trainee(group_work="30", essay=None), COURSE)
    assert (r.completed_items, r.base, r.certificate) == (7, 60, PARTICIPATION)
    assert "missing: the essay" in r.reason


@pytest.mark.parametrize("items, expected", [(8, ACHIEVEMENT), (7, PARTICIPATION), (5, PARTICIPATION),
                                             (4, NONE)])
def test_items_completed(items, expected):
    quizzes = tuple(10 if i < items - 2 else None for i in range(6))
    r = score(trainee(quizzes=quizzes), COURSE)         # group work 30 + essay 40 = 70 points at least
    assert r.completed_items == items and r.certificate == expected


def test_blank_is_not_zero():
    zero = score(trainee(quizzes=(0,) * 6, group_work="0", essay=("0",) * 4), COURSE)
    blank = score(trainee(quizzes=(None,) * 6, group_work=None, essay=None), COURSE)
    assert zero.completed_items == 8 and blank.completed_items == 0
    assert zero.total == blank.total == 0
    assert zero.certificate == blank.certificate == NONE
    assert "has 8" not in zero.reason and "30 points (has 0)" in zero.reason
    assert "at least 5 of 8 items (has 0)" in blank.reason


def test_every_reason_is_one_line():
    for t in (trainee(), with_base("55", bonus="7.5"), with_base("49.5", bonus="10"),
              trainee(quizzes=(None,) * 6, group_work=None, essay=None)):
        reason = score(t, COURSE).reason
        assert reason and "\n" not in reason and reason.endswith(".")
