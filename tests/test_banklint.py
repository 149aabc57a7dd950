"""The quiz-bank linter (course.banklint, `course validate-bank`): figures, rules, and the real bank."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sheets import run

from course.content import banklint, load
from course.content.banklint import lint_bank
from course.content.objectives import Objective, load_objectives
from course.content.quizzes import Question, Quiz, QuizBank, load_quiz_bank

OLD_BANK = Path(__file__).parent / "fixtures" / "bank-before-issue-14"


def flaws_of(lint, rule):
    return [f for f in lint.flaws if f.rule == rule]


# --- The bank before the rewrite: the linter must fail it, with the review's figures -----------------

def test_the_bank_before_the_rewrite_fails_the_linter():
    lint = lint_bank(load_quiz_bank(OLD_BANK), load_objectives())
    # The review (shared/reviews/quiz-review.md) measured these by its own script.
    assert lint.letters == {"a": 15, "b": 15, "c": 15, "d": 15}
    assert lint.unique_longest_key == 27 and lint.longest_pick_score == 28.5
    assert [str(f) for f in flaws_of(lint, "longest-key")][0].startswith(
        "bank: longest-key: the key is the unique longest option in 27 of 60 questions (45%; at most 30%)")
    assert "week-1: w1-whole-of-government: length-ratio: the longest option is 3.64 times the shortest" in \
        [str(f)[:len("week-1: w1-whole-of-government: length-ratio: the longest option is 3.64 times the shortest")]
         for f in lint.flaws]
    assert {f.question for f in flaws_of(lint, "key-margin")} >= {"w4-cambodia-me-committee"}
    absolute = {f.question for f in flaws_of(lint, "absolute-word")}
    assert {"w1-unions-organize", "w1-r151-basis", "w3-non-coherent-permits", "w5-focus-group-gender"} <= absolute
    assert {f.quiz for f in flaws_of(lint, "level-mix")} == {f"week-{n}" for n in range(1, 7)}
    assert len(flaws_of(lint, "objective-missing")) == 60
    # The review's "same which-checklist question" pair (W2Q9, W4Q3).
    assert [str(f) for f in flaws_of(lint, "duplicate-stem")] == [
        "week-4: w4-table12: duplicate-stem: its stem is 69% the same as w2-table2-capacity-question (week-2)"]


def test_validate_bank_command_fails_the_old_bank_and_names_question_and_rule():
    r = run("validate-bank", "--quizzes", str(OLD_BANK))
    assert r.exit_code == 1
    assert "key is the unique longest option: 27 of 60 (45%; at most 30%)" in r.output
    assert "Flaw: week-2: w2-administrative-data: absolute-word: " in r.output


# --- The bank as shipped: clean, with every objective tested --------------------------------------

def test_the_shipped_bank_passes_the_linter():
    lint = lint_bank(load().quiz_bank, load_objectives())
    assert [str(f) for f in lint.flaws] == [], "\n".join(lint.summary())
    assert lint.uncovered == ()
    for week, mix in lint.levels.items():
        assert mix.get("understanding", 0) + mix.get("application", 0) >= 5, (week, mix)


def test_validate_bank_command_passes_the_shipped_bank():
    r = run("validate-bank")
    assert r.exit_code == 0, r.output
    assert r.output.rstrip().endswith("60 questions, no flaws found")


# --- Each rule on a small made-up bank: a clean bank passes, one change trips exactly that rule ------

OBJECTIVES = {"foundations": (Objective("foundations-a", "foundations", "A"),
                              Objective("foundations-b", "foundations", "B"))}
STEMS = ("Which ministry leads?", "When should unions be consulted?", "What do employers gain from it?",
         "Who chairs the committee?", "Why does the budget matter here?", "How is the draft validated?",
         "Where are the data kept?", "What must the launch include?")
LEVELS = ("understanding", "application", "recall", "understanding", "application", "recall", "understanding",
          "recall")


def question(i: int, answer: str, **over) -> Question:
    options = {k: f"Option {k} of question {i}, about {topic}" for k, topic in
               zip("abcd", ("a ministry", "the unions", "employers'", "committees"))}
    q = Question(f"q{i}", STEMS[i], options, answer,
                 "Why. Because.", None, "foundations", LEVELS[i], "foundations-a" if i % 2 else "foundations-b")
    return Question(**{**q.__dict__, **over})


def bank(*questions: Question) -> QuizBank:
    return QuizBank({"week-1": Quiz("week-1", 1, "T", ("foundations",), tuple(questions))})


CLEAN = [question(i, "abcdbadc"[i]) for i in range(8)]


def test_a_clean_bank_has_no_flaws():
    assert lint_bank(bank(*CLEAN), OBJECTIVES).flaws == ()


def swap(i: int, **over) -> list[Question]:
    return [question(i, CLEAN[i].answer, **over) if j == i else q for j, q in enumerate(CLEAN)]


BROKEN = {
    "length-ratio": swap(2, options={**CLEAN[2].options, "b": "Short"}),
    "key-margin": swap(0, options={**CLEAN[0].options, "a": CLEAN[0].options["a"] + " and one more long clause"}),
    "absolute-word": swap(3, options={**CLEAN[3].options, "a": "Only option a of question 3, about it all"}),
    "duplicate-stem": swap(5, question=CLEAN[4].question + "!"),
    "duplicate-option": swap(1, options={**CLEAN[1].options, "c": CLEAN[1].options["a"].upper()}),
    "level-missing": swap(6, level=None),
    "level-mix": [question(i, q.answer, level="recall") if i in (0, 1) else q for i, q in enumerate(CLEAN)],
    "objective-missing": swap(7, objective=None),
    "objective-not-covered": [question(i, q.answer, objective="foundations-a") for i, q in enumerate(CLEAN)],
    "key-position": [question(i, "a") for i in range(8)],
    # Every key is the second-longest option: a trainee who learns that trick scores 100 %.
    "length-rank": [question(i, q.answer, options={k: t + ("xx" if k == next(o for o in "abcd" if o != q.answer)
                                                         else "x" if k == q.answer else "")
                                                    for k, t in q.options.items()})
                    for i, q in enumerate(CLEAN)],
}


def test_a_bank_keyed_on_one_length_rank_is_caught():
    lint = lint_bank(bank(*BROKEN["length-rank"]), OBJECTIVES)
    assert lint.rank_pick_scores[1] == 8 and "length rank 2" in flaws_of(lint, "length-rank")[0].message


def test_every_rule_has_a_broken_bank():
    assert set(BROKEN) | {"longest-key"} == set(banklint.RULES)


def test_each_broken_bank_trips_its_rule_naming_the_question():
    for rule, questions in BROKEN.items():
        lint = lint_bank(bank(*questions), OBJECTIVES)
        assert {f.rule for f in lint.flaws} >= {rule}, rule
        changed = {q.id for q, c in zip(questions, CLEAN) if q != c}
        named = {f.question for f in flaws_of(lint, rule)} | {None}
        if rule not in ("level-mix", "objective-not-covered", "key-position", "length-rank"):
            assert named & changed, (rule, lint.flaws)


def test_the_longest_key_rule_trips_above_30_percent():
    longer = [question(i, q.answer, options={**q.options, q.answer: q.options[q.answer] + " too"})
              for i, q in enumerate(CLEAN)]
    assert lint_bank(bank(*longer[:2], *CLEAN[2:]), OBJECTIVES).unique_longest_key == 2   # 25 %: allowed
    lint = lint_bank(bank(*longer[:3], *CLEAN[3:]), OBJECTIVES)                             # 37.5 %
    assert [f.message.split(": ")[-1] for f in flaws_of(lint, "longest-key")] == ["q0, q1, q2"]


# --- Oracle: the longest-option figures, computed the plain way ---------------------------------------

def reference(questions):
    """Unique-longest keys and the expected score of always picking the longest (ties split evenly)."""
    unique, score = 0, 0.0
    for q in questions:
        lengths = {k: len(t) for k, t in q.options.items()}
        top = [k for k, n in lengths.items() if n == max(lengths.values())]
        unique += top == [q.answer]
        score += (q.answer in top) / len(top)
    return unique, score


@settings(deadline=None)    # the machine is shared: timing is not what this test checks
@given(st.lists(st.tuples(st.lists(st.integers(1, 12), min_size=4, max_size=4), st.sampled_from("abcd")),
                min_size=1, max_size=30))
def test_longest_option_figures_match_a_plain_reference(items):
    questions = [question(i % 8, answer, id=f"p{i}", options={k: "x" * n for k, n in zip("abcd", lengths)})
                 for i, (lengths, answer) in enumerate(items)]
    lint = lint_bank(bank(*questions), OBJECTIVES)
    unique, score = reference(questions)
    assert lint.unique_longest_key == unique and abs(lint.longest_pick_score - score) < 1e-9
