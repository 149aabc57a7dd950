"""The quiz-bank linter: item-writing flaws a test-wise trainee could use to score without knowing.

Rules follow the NBME item-writing guide (see STYLE.md) and the review of the 2027 bank: key
position spread, the key as the unique longest option, option lengths within an item, absolute words
in options, duplicate stems and options, the level mix of each week, and objectives no question tests.
Every flaw names the quiz, the question id (when it is about one question) and the rule.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from .objectives import Objective
from .quizzes import LEVELS, Question, QuizBank

# Thresholds, in one place: the tests, `course validate-bank` and the note read them from here.
MAX_UNIQUE_LONGEST_KEY = 0.30       # share of the bank where the key is the unique longest option
MAX_LENGTH_RANK_SCORE = 0.30        # what always picking the longest (2nd, 3rd … shortest) option scores
MAX_LENGTH_RATIO = 1.6              # longest option / shortest option, in characters, per item
MAX_KEY_MARGIN = 1.2                # the key may not be more than 20 % longer than every distractor
LETTER_SHARE = (1 / 6, 1 / 3)       # each key letter's share of the bank
MAX_SAME_LETTER_PER_QUIZ = 4
MAX_SAME_LETTER_IN_A_ROW = 3
MIN_HIGHER_LEVEL_SHARE = 0.5        # understanding + application, per week
MAX_STEM_SIMILARITY = 0.65          # difflib ratio of two normalised stems (the old W2Q9/W4Q3 pair: 0.69)
ABSOLUTE_WORDS = ("only", "never", "always", "alone", "all", "none", "every", "ever", "entirely", "solely",
                  "strictly", "exclusively", "completely", "nothing", "nobody", "no one")
_ABSOLUTE = re.compile(r"\b(" + "|".join(re.escape(w) for w in ABSOLUTE_WORDS) + r")\b", re.IGNORECASE)
RULES = ("key-position", "longest-key", "length-rank", "length-ratio", "key-margin", "absolute-word", "duplicate-stem",
         "duplicate-option", "level-missing", "level-mix", "objective-missing", "objective-not-covered")


@dataclass(frozen=True)
class Flaw:
    quiz: str                   # "week-2", or "bank" for a rule over the whole bank
    question: str | None        # question id, when the flaw is about one question
    rule: str                   # one of RULES
    message: str

    def __str__(self) -> str:
        where = f"{self.quiz}: {self.question}" if self.question else self.quiz
        return f"{where}: {self.rule}: {self.message}"


@dataclass(frozen=True)
class BankLint:
    """The figures the linter measured and the flaws it found."""

    questions: int
    letters: dict[str, int]                 # key letter -> questions
    unique_longest_key: int                 # questions whose key is the unique longest option
    longest_pick_score: float               # expected score of always picking the longest option
    rank_pick_scores: tuple[float, ...]     # the same for the longest, 2nd longest … shortest option
    max_length_ratio: float
    levels: dict[int, dict[str, int]]       # week -> level -> questions (None counted as "missing")
    absolute_items: int                     # questions with an absolute word in an option
    uncovered: tuple[str, ...]              # objective ids no question tests
    flaws: tuple[Flaw, ...]

    @property
    def unique_longest_rate(self) -> float:
        return self.unique_longest_key / self.questions if self.questions else 0.0

    def summary(self) -> list[str]:
        """The figures, one per line, for people."""
        n = self.questions
        lines = [f"questions: {n}",
                 "key position: " + ", ".join(f"{k.upper()} {self.letters.get(k, 0)}" for k in "abcd"),
                 f"key is the unique longest option: {self.unique_longest_key} of {n} "
                 f"({self.unique_longest_rate:.0%}; at most {MAX_UNIQUE_LONGEST_KEY:.0%})",
                 f"always picking the longest option scores: {self.longest_pick_score:.1f} of {n} "
                 f"({self.longest_pick_score / n if n else 0:.1%}; chance is 25%)",
                 "always picking the option of length rank 1 (longest) … 4 (shortest) scores: "
                 + ", ".join(f"{score:.1f}" for score in self.rank_pick_scores)
                 + f" (at most {MAX_LENGTH_RANK_SCORE:.0%} each)",
                 f"largest option-length ratio in an item: {self.max_length_ratio:.2f} (at most {MAX_LENGTH_RATIO})",
                 f"questions with an absolute word in an option: {self.absolute_items}"]
        for week, mix in sorted(self.levels.items()):
            parts = ", ".join(f"{level} {mix.get(level, 0)}" for level in (*LEVELS, "missing") if mix.get(level))
            lines.append(f"week {week} levels: {parts}")
        lines.append(f"objectives not tested: {len(self.uncovered)}")
        by_rule = Counter(f.rule for f in self.flaws)
        lines.append("flaws: " + (", ".join(f"{r} {by_rule[r]}" for r in RULES if by_rule[r]) or "none"))
        return lines


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _longest(q: Question) -> list[str]:
    top = max(len(t) for t in q.options.values())
    return [k for k, t in q.options.items() if len(t) == top]


def _rank_share(q: Question) -> list[float]:
    """For each length rank (1 = longest), the chance that picking an option of that rank picks the key.

    Options of equal length share the ranks they span, and the pick among them is at random."""
    lengths = sorted((len(t) for t in q.options.values()), reverse=True)
    key = len(q.options[q.answer])
    return [1 / lengths.count(n) if n == key else 0.0 for n in lengths]


def lint_bank(bank: QuizBank, objectives: dict[str, tuple[Objective, ...]]) -> BankLint:
    """Measure the bank and list every flaw; pure: reads nothing but its arguments."""
    flaws: list[Flaw] = []
    quizzes = list(bank.quizzes.values())
    all_questions = [(quiz.key, q) for quiz in quizzes for q in quiz.questions]
    n = len(all_questions)

    # Key position: spread over the bank, per quiz, and no long runs of one letter.
    letters = Counter(q.answer for _, q in all_questions)
    low, high = LETTER_SHARE
    for letter in "abcd":
        if n and not low <= letters[letter] / n <= high:
            flaws.append(Flaw("bank", None, "key-position", f"{letter.upper()} is the key of {letters[letter]} "
                              f"of {n} questions (expected {low:.0%} to {high:.0%})"))
    for quiz in quizzes:
        per_quiz = Counter(q.answer for q in quiz.questions)
        for letter, count in sorted(per_quiz.items()):
            if count > MAX_SAME_LETTER_PER_QUIZ:
                flaws.append(Flaw(quiz.key, None, "key-position",
                                  f"{letter.upper()} is the key of {count} questions (at most {MAX_SAME_LETTER_PER_QUIZ})"))
        run = 1
        for before, q in zip(quiz.questions, quiz.questions[1:]):
            run = run + 1 if q.answer == before.answer else 1
            if run == MAX_SAME_LETTER_IN_A_ROW + 1:
                flaws.append(Flaw(quiz.key, q.id, "key-position", f"{q.answer.upper()} is the key "
                                  f"{run} times in a row (at most {MAX_SAME_LETTER_IN_A_ROW})"))

    # Option lengths: the key as the unique longest option, and how far options differ in length.
    unique_longest, pick_score, max_ratio = [], 0.0, 0.0
    rank_scores = [0.0] * max((len(q.options) for _, q in all_questions), default=0)
    for key, q in all_questions:
        for r, share in enumerate(_rank_share(q)):
            rank_scores[r] += share
        longest = _longest(q)
        if longest == [q.answer]:
            unique_longest.append(q.id)
        if q.answer in longest:
            pick_score += 1 / len(longest)
        lengths = [len(t) for t in q.options.values()]
        ratio = max(lengths) / max(1, min(lengths))
        max_ratio = max(max_ratio, ratio)
        if ratio > MAX_LENGTH_RATIO:
            flaws.append(Flaw(key, q.id, "length-ratio", f"the longest option is {ratio:.2f} times the shortest "
                              f"({max(lengths)} and {min(lengths)} characters; at most {MAX_LENGTH_RATIO})"))
        distractor = max(len(t) for k, t in q.options.items() if k != q.answer)
        if len(q.options[q.answer]) > MAX_KEY_MARGIN * distractor:
            flaws.append(Flaw(key, q.id, "key-margin", f"the key ({len(q.options[q.answer])} characters) is more "
                              f"than {MAX_KEY_MARGIN - 1:.0%} longer than every distractor (at most {distractor})"))
    for r, score in enumerate(rank_scores):
        if n and score / n > MAX_LENGTH_RANK_SCORE:
            flaws.append(Flaw("bank", None, "length-rank", f"always picking the option of length rank {r + 1} "
                              f"(1 = longest) scores {score:.1f} of {n} ({score / n:.0%}; at most "
                              f"{MAX_LENGTH_RANK_SCORE:.0%}): " + ", ".join(
                                  q.id for _, q in all_questions if _rank_share(q)[r] > 0)))
    if n and len(unique_longest) / n > MAX_UNIQUE_LONGEST_KEY:
        flaws.append(Flaw("bank", None, "longest-key", f"the key is the unique longest option in {len(unique_longest)} "
                          f"of {n} questions ({len(unique_longest) / n:.0%}; at most {MAX_UNIQUE_LONGEST_KEY:.0%}): "
                          + ", ".join(unique_longest)))

    # Absolute words: in any option, so that neither their presence nor their absence cues the key.
    absolute_items = 0
    for key, q in all_questions:
        found = [(k, m.group(1).lower()) for k, t in q.options.items() for m in _ABSOLUTE.finditer(t)]
        if found:
            absolute_items += 1
            flaws.append(Flaw(key, q.id, "absolute-word", "; ".join(
                f"{'the key' if k == q.answer else 'option ' + k} says {word!r}" for k, word in found)))

    # Duplicates: near-identical stems across the bank, the same option twice, the same key twice.
    for (ka, a), (kb, b) in combinations(all_questions, 2):
        stems = SequenceMatcher(None, _norm(a.question), _norm(b.question))
        # quick_ratio() is an upper bound of ratio(): skip the slow exact measure for clearly different stems
        similarity = stems.ratio() if stems.quick_ratio() >= MAX_STEM_SIMILARITY else 0.0
        if similarity >= MAX_STEM_SIMILARITY:
            flaws.append(Flaw(kb, b.id, "duplicate-stem", f"its stem is {similarity:.0%} the same as {a.id} ({ka})"))
        if _norm(a.options[a.answer]) == _norm(b.options[b.answer]):
            flaws.append(Flaw(kb, b.id, "duplicate-option", f"its key is the key of {a.id} ({ka})"))
    for key, q in all_questions:
        seen: dict[str, str] = {}
        for letter, text in q.options.items():
            if _norm(text) in seen:
                flaws.append(Flaw(key, q.id, "duplicate-option", f"options {seen[_norm(text)]} and {letter} say the same"))
            seen.setdefault(_norm(text), letter)

    # Levels: recorded, and at least half of each week above recall.
    levels: dict[int, dict[str, int]] = {}
    for quiz in quizzes:
        mix = Counter(q.level or "missing" for q in quiz.questions)
        levels[quiz.week] = dict(mix)
        for q in quiz.questions:
            if q.level is None:
                flaws.append(Flaw(quiz.key, q.id, "level-missing", f"no level ({', '.join(LEVELS)})"))
        higher = mix["understanding"] + mix["application"]
        if quiz.questions and higher / len(quiz.questions) < MIN_HIGHER_LEVEL_SHARE:
            recall = [q.id for q in quiz.questions if q.level not in ("understanding", "application")]
            flaws.append(Flaw(quiz.key, None, "level-mix", f"{higher} of {len(quiz.questions)} questions at "
                              f"understanding or application level (at least {MIN_HIGHER_LEVEL_SHARE:.0%}); "
                              f"the others: {', '.join(recall)}"))

    # Objectives: each question names one; each objective is tested somewhere.
    tested = set()
    for key, q in all_questions:
        if q.objective is None:
            flaws.append(Flaw(key, q.id, "objective-missing", f"no objective of module {q.module} named"))
        tested.add(q.objective)
    uncovered = tuple(o.id for module in objectives.values() for o in module if o.id not in tested)
    for oid in uncovered:
        module = next(m for m, items in objectives.items() if any(o.id == oid for o in items))
        flaws.append(Flaw("bank", None, "objective-not-covered", f"{oid} (module {module}) is tested by no question"))

    return BankLint(n, dict(letters), len(unique_longest), pick_score, tuple(rank_scores), max_ratio, levels, absolute_items,
                    uncovered, tuple(flaws))
