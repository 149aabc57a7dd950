"""What each trainee still needs, mid-course: expected figures worked out by hand from DESIGN.md's rules.

Rules (DESIGN.md): quiz 0.5 points per correct answer (5 a quiz); group work 0-30; essay 4 x 0-10.
Achievement: all 8 items and base >= 60 (bonus counted only when it lifts an all-items trainee to 60).
Participation: at least 5 of 8 items and base >= 30. A blank item is not yet due.
"""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st
from sheets import COURSE

from course.content.ui import load_ui
from course.grading.progress import EARNED, OUT_OF_REACH, WITHIN_REACH, ProgressReader
from course.grading.scoresheet import Trainee

READER = ProgressReader(COURSE)


def trainee(quizzes, group_work=None, essay=None, bonus=None):
    return Trainee(2, "T1", "Ann Banda", tuple(quizzes), group_work, essay, bonus)


def outlooks(t):
    return [(o.state, o.reason) for o in READER.progress(t).outlooks]


def test_only_the_essay_left():
    # 6 quizzes x 5 = 30, group work 16: base 46, 7 items. 60 - 46 = 14 of the essay's 40.
    assert outlooks(trainee([10] * 6, 16)) == [
        (WITHIN_REACH, "Achievement needs 14 of the 40 essay points."),
        (EARNED, "Participation is earned.")]


def test_a_recorded_bonus_counts_towards_achievement():
    # As above with a bonus of 5: 46 + 5 + 9 = 60, so 9 essay points are enough.
    assert outlooks(trainee([10] * 6, 16, bonus=5))[0] == (WITHIN_REACH, "Achievement needs 9 of the 40 essay points.")


def test_week_three_with_most_items_left():
    # Quizzes 1-3 at 8 right = 12 points, 3 items. Achievement: all 5 left and 60 - 12 = 48 points.
    # Participation: 5 - 3 = 2 more items and 30 - 12 = 18 more points.
    names = "(quiz 4, quiz 5, quiz 6, the essay and the group work)"
    assert outlooks(trainee([8, 8, 8, None, None, None])) == [
        (WITHIN_REACH, f"Achievement needs all 5 items left handed in {names} and 48 more points "
                       "(they can add up to 85)."),
        (WITHIN_REACH, f"Participation needs 2 of the 5 items left handed in {names} and 18 more points "
                       "(they can add up to 85).")]


def test_one_quiz_left_counts_whole_answers():
    # 25 + 15 + 17.5 = 57.5: 2.5 more points from quiz 6, that is 5 right answers.
    t = trainee([10] * 5 + [None], 15, (5, 5, 5, D("2.5")))
    assert outlooks(t)[0] == (WITHIN_REACH, "Achievement needs 2.5 of the 5 points of quiz 6 (5 of 10 answers right).")
    # 57.6 needs 2.4 points, which whole answers make 2.5.
    t = trainee([10] * 5 + [None], D("15.1"), (5, 5, 5, D("2.5")))
    assert outlooks(t)[0][1] == "Achievement needs 2.5 of the 5 points of quiz 6 (5 of 10 answers right)."


def test_one_point_or_less_is_singular_in_each_language():
    # Quizzes 1-4 all right = 20, group work 30, essay 9 or 9.5: base 59 or 59.5 with quizzes 5 and 6 left.
    # English says "1 more point" but "0.5 more points"; French says "1 point" and "0,5 point" (below two).
    french = ProgressReader(COURSE, load_ui(lang="fr"))
    names = "(quiz 5 and quiz 6)"
    for essay, english, in_french in [((D("2.5"), D("2.5"), D("2.5"), D("1.5")), "1 more point ", "1 point de plus "),
                                      ((D("2.5"), D("2.5"), D("2.5"), D(2)), "0.5 more points ", "0,5 point de plus ")]:
        t = trainee([10] * 4 + [None, None], 30, essay)
        assert outlooks(t)[0] == (WITHIN_REACH, f"Achievement needs all 2 items left handed in {names} and {english}"
                                                "(they can add up to 10).")
        assert in_french in french.progress(t).outlooks[0].reason


def test_enough_points_already_only_the_item_is_missing():
    # 25 + 20 + 20 = 65 with quiz 6 blank: handing it in, even with 0 right, gives Achievement.
    assert outlooks(trainee([10] * 5 + [None], 20, (5, 5, 5, 5)))[0] == \
        (WITHIN_REACH, "Achievement needs quiz 6 handed in, whatever the marks.")


def test_out_of_reach_says_how_much_is_left():
    # Quiz 1 with 0 right, group work 0, essay 0: 3 items, 0 points. 5 quizzes left add at most 25 < 30.
    t = trainee([0, None, None, None, None, None], 0, (0, 0, 0, 0))
    reason = "is out of reach: 5 items left can add at most 25 points, for 25 points and 8 of 8 items at best."
    assert outlooks(t) == [(OUT_OF_REACH, f"Achievement {reason}"), (OUT_OF_REACH, f"Participation {reason}")]


def test_a_complete_sheet_has_nothing_left():
    p = READER.progress(trainee([10] * 6, 30, (10, 10, 10, 10)))
    assert p.left == () and [o.state for o in p.outlooks] == [EARNED, EARNED]
    p = READER.progress(trainee([0] * 6, 0, (0, 0, 0, 0)))
    assert [o.reason for o in p.outlooks] == ["Achievement is out of reach: nothing is left to hand in.",
                                             "Participation is out of reach: nothing is left to hand in."]


# Against an oracle: the points stated are enough, and one hundredth less is not. -----------------------

def oracle(quizzes, group_work, essay, bonus):
    """DESIGN.md's certificate rules in ten lines (blank = not handed in)."""
    items = sum(q is not None for q in quizzes) + (group_work is not None) + (essay is not None)
    base = sum(D(q) * D("0.5") for q in quizzes if q is not None) + (group_work or 0) + sum(essay or ())
    if items == 8 and (base >= 60 or bonus and base + bonus >= 60):
        return "achievement"
    if items >= 5 and base >= 30:
        return "participation"
    return "none"


def spread(points):
    """Essay points over the four criteria, each at most 10."""
    out = []
    for _ in range(4):
        out.append(min(points, D(10)))
        points -= out[-1]
    return tuple(out)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=6, max_size=6), st.integers(0, 300).map(lambda g: D(g) / 10),
       st.one_of(st.none(), st.integers(1, 10)))
def test_the_essay_points_stated_are_exactly_enough(quizzes, group_work, bonus):
    t = trainee(quizzes, group_work, None, bonus)
    state, reason = READER.progress(t).outlooks[0].state, READER.progress(t).outlooks[0].reason
    if state == OUT_OF_REACH:
        assert oracle(quizzes, group_work, spread(D(40)), bonus) != "achievement"
    elif reason == "Achievement needs the essay handed in, whatever the marks.":
        assert oracle(quizzes, group_work, spread(D(0)), bonus) == "achievement"
    else:
        needed = D(reason.removeprefix("Achievement needs ").split(" of the 40 essay points.")[0])
        assert oracle(quizzes, group_work, spread(needed), bonus) == "achievement"
        assert oracle(quizzes, group_work, spread(needed - D("0.01")), bonus) != "achievement"
