"""Item statistics against a small cohort worked out by hand from Moodle's definitions (see course/items.py).

Five attempts (A-E) at three questions, 1 = right:

        Q1 Q2 Q3   X
    A    1  1  1   3
    B    1  1  0   2
    C    1  0  1   2
    D    0  1  0   1
    E    0  0  0   0

X: mean 8/5 = 1.6, median 2, V(X) = (1.4² + .4² + .4² + .6² + 1.6²)/4 = 5.2/4 = 1.3.
Q1: x = 1 1 1 0 0, mean .6, V(x) = (3·.4² + 2·.6²)/4 = .3; rest R = X − x = 2 1 1 1 0, mean 1,
    V(R) = (1 + 1)/4 = .5; Cov = (.4·1 + (−.6)(−1))/4 = .25; DI = 100·.25/√(.3·.5) = 25/√.15.
    Sorted x 0 0 1 1 1 with sorted R 0 1 1 1 2: Cov_max = ((−.6)(−1) + .4·1)/4 = .25, so DE = 100.
Q2: x = 1 1 0 1 0, mean .6, V = .3; R = 2 1 2 0 0, mean 1; Cov = (.4·1 + .4·0 − .6·1 − .4·1 + .6·1)/4 = 0:
    DI = 0 and DE = 0 (Cov_max = (.6 + .6 + 0 + .4 + .4)/4 = .5 is not 0).
Q3: x = 1 0 1 0 0, mean .4, V = (2·.6² + 3·.4²)/4 = .3; R = 2 2 1 1 0, mean 1.2,
    V(R) = (.8² + .8² + .2² + .2² + 1.2²)/4 = .7; Cov = (.6·.8 − .4·.8 − .6·.2 + .4·.2 + .4·1.2)/4 = .15;
    DI = 15/√.21. Sorted: x 0 0 0 1 1, R 0 1 1 2 2: Cov_max = (.48 + .08 + .08 + .48 + .48)/4 = .4, DE = 37.5.
Alpha = 100 · 3/2 · (1 − (.3 + .3 + .3)/1.3) = 60/1.3; error ratio = 100·√(1 − .6/1.3) = 100·√(.7/1.3);
standard error = error ratio · SD / 100 = √(.7/1.3)·√1.3 = √.7.
"""

from __future__ import annotations

import math

import pytest

from course.grading.items import enough, figures

COHORT = [[1, 1, 1], [1, 1, 0], [1, 0, 1], [0, 1, 0], [0, 0, 0]]


def test_quiz_figures_match_the_hand_computation():
    f = figures(COHORT)
    assert (f.attempts, f.questions) == (5, 3)
    assert f.mean == pytest.approx(1.6)
    assert f.median == 2
    assert f.sd == pytest.approx(math.sqrt(1.3))
    assert f.alpha == pytest.approx(60 / 1.3)
    assert f.error_ratio == pytest.approx(100 * math.sqrt(0.7 / 1.3))
    assert f.standard_error == pytest.approx(math.sqrt(0.7))


@pytest.mark.parametrize("i, facility, di, de", [
    (0, 0.6, 25 / math.sqrt(0.15), 100),
    (1, 0.6, 0, 0),
    (2, 0.4, 15 / math.sqrt(0.21), 37.5),
])
def test_question_figures_match_the_hand_computation(i, facility, di, de):
    item = figures(COHORT).items[i]
    assert item.facility == pytest.approx(facility)
    assert item.sd == pytest.approx(math.sqrt(0.3))
    assert item.discrimination_index == pytest.approx(di, abs=1e-9)
    assert item.discriminative_efficiency == pytest.approx(de, abs=1e-9)


def test_marks_out_of_half_a_point_give_the_same_fractions():
    half = figures([[m / 2 for m in row] for row in COHORT], max_mark=0.5)
    whole = figures(COHORT)
    assert half.items[2].facility == pytest.approx(whole.items[2].facility)
    assert half.items[2].sd == pytest.approx(whole.items[2].sd)
    assert half.alpha == pytest.approx(whole.alpha)
    assert half.standard_error == pytest.approx(whole.standard_error / 2)


def test_a_question_everyone_got_right_has_no_discrimination_index():
    item = figures([[1, 1], [1, 0], [1, 1]]).items[0]
    assert (item.facility, item.sd, item.discrimination_index, item.discriminative_efficiency) == (1, 0, None, None)


def test_an_item_that_goes_against_the_rest_discriminates_negatively():
    # The strongest attempts miss question 3; the weakest get it.
    f = figures([[1, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 1]])
    assert f.items[2].discrimination_index < 0


def test_all_equal_totals_give_no_alpha():
    f = figures([[1, 0], [0, 1], [1, 0]])
    assert f.sd == 0 and f.alpha is None and f.error_ratio is None


@pytest.mark.parametrize("attempts, questions, message", [
    (3, 2, None),
    (2, 10, "Statistics need at least 3 attempts (has 2)."),
    (3, 1, "Statistics need at least 2 questions (has 1)."),
    (0, 0, "Statistics need at least 3 attempts (has 0) and at least 2 questions (has 0)."),
])
def test_too_few_attempts_or_questions_are_said(attempts, questions, message):
    assert enough(attempts, questions) == message


# From answer files: counts per option, flags ---------------------------------------------------------

from pathlib import Path  # noqa: E402

from sheets import FIXTURE_QUIZZES  # noqa: E402

from course.content.quizzes import load_quiz_bank  # noqa: E402
from course.grading.answers import AnswerFile  # noqa: E402
from course.grading.items import analyse  # noqa: E402

FIXTURE_BANK = load_quiz_bank(FIXTURE_QUIZZES)


def handed_in(trainee: str, letters: str, quiz: str = "week-1") -> AnswerFile:
    """An answer file choosing `letters` for the quiz's questions in order ("-" leaves one unanswered)."""
    q = FIXTURE_BANK.quiz(quiz)
    answers = {question.id: letter for question, letter in zip(q.questions, letters) if letter != "-"}
    return AnswerFile(Path(f"{trainee}.json"), quiz, q.edition, trainee, "", answers)


# Keys of fixture week 1: a b c a b c a b c a. Question 1: everyone right, b and c never chosen.
# Question 2: the two strongest miss it, the two weakest get it (negative discrimination).
# Question 3: only T1 right (facility 1/4 = 25 %, not below 20 %); T4 leaves it unanswered.
COHORT_FILES = [
    handed_in("T1", "aacabcabca"),
    handed_in("T2", "acbabcabca"),
    handed_in("T3", "abaabcaaaa"),
    handed_in("T4", "ab-bbbbbbb"),
]


def test_counts_per_option_and_unanswered():
    week1 = analyse(FIXTURE_BANK, COHORT_FILES)[0]
    assert week1.attempts == 4
    q1, q2, q3 = week1.questions[:3]
    assert q1.chosen == {"a": 4, "b": 0, "c": 0} and q1.unanswered == 0
    assert q2.chosen == {"a": 1, "b": 2, "c": 1}
    assert q3.chosen == {"a": 1, "b": 1, "c": 1} and q3.unanswered == 1
    assert q3.figures.facility == pytest.approx(0.25)


def test_questions_to_review_are_flagged_with_the_reason():
    q1, q2, q3 = analyse(FIXTURE_BANK, COHORT_FILES)[0].questions[:3]
    assert q1.flags == ("Very easy: facility 100% is above 90%.", "Nobody chose option b: it distracts no one.",
                        "Nobody chose option c: it distracts no one.")
    assert q2.figures.discrimination_index < 0
    assert any(flag.startswith("Negative discrimination") for flag in q2.flags)
    assert q3.flags == ()


def test_a_quiz_with_too_few_answer_files_says_so_and_flags_nothing():
    week1, week2 = analyse(FIXTURE_BANK, COHORT_FILES[:2] + [handed_in("T1", "abcabcabca", "week-2")])
    assert week1.figures is None and week1.too_few == "Statistics need at least 3 attempts (has 2)."
    assert week1.questions[0].chosen == {"a": 2, "b": 0, "c": 0}      # counts are still shown
    assert not week1.flagged
    assert week2.attempts == 1 and week2.too_few
