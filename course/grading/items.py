"""Item statistics of the quiz bank from a cohort's answer files, with the definitions of Moodle's quiz
statistics report (its "Quiz statistics calculations" documentation), so tutors read the same figures.

For quiz attempt p and question i, x_i(p) is the mark (1 for the key, 0 otherwise, 0 when unanswered)
and X(p) the attempt's total. Over the S attempts:

- facility index F_i = mean(x_i) / max mark; SD = the sample standard deviation of x_i / max mark;
- discrimination index = 100 · Cov(x_i, X − x_i) / √(V(x_i) · V(X − x_i)), the item against the rest;
- discriminative efficiency = 100 · Cov(x_i, X − x_i) / Cov_max, where Cov_max pairs the two lists
  each sorted, the largest covariance those marks could have;
- quiz: mean, median and sample SD of X; Cronbach's alpha (coefficient of internal consistency)
  = 100 · P/(P − 1) · (1 − Σ V(x_i) / V(X)); error ratio = 100 · √(1 − alpha/100); standard error =
  error ratio · SD / 100. Variances and covariances divide by S − 1.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..content.quizzes import Question, Quiz, QuizBank
from .answers import AnswerFile

MIN_ATTEMPTS, MIN_QUESTIONS = 3, 2          # as Moodle: alpha needs S > 2 and P > 1
EASY, HARD = 0.9, 0.2                       # facility beyond these: a question to review


@dataclass(frozen=True)
class ItemFigures:
    """One question's figures; None where the definition has nothing to divide by."""

    facility: float                         # 0..1
    sd: float | None                        # of the mark, as a fraction of the maximum mark
    discrimination_index: float | None      # percent, -100..100
    discriminative_efficiency: float | None  # percent


@dataclass(frozen=True)
class TestFigures:
    """The whole quiz's figures, in marks (the number of correct answers)."""

    attempts: int
    questions: int
    mean: float
    median: float
    sd: float | None
    alpha: float | None                     # percent
    error_ratio: float | None               # percent
    standard_error: float | None            # marks
    items: tuple[ItemFigures, ...]


def enough(attempts: int, questions: int) -> str | None:
    """Why the figures cannot be trusted with so few attempts or questions, or None."""
    lacking = []
    if attempts < MIN_ATTEMPTS:
        lacking.append(f"at least {MIN_ATTEMPTS} attempts (has {attempts})")
    if questions < MIN_QUESTIONS:
        lacking.append(f"at least {MIN_QUESTIONS} questions (has {questions})")
    return f"Statistics need {' and '.join(lacking)}." if lacking else None


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (len(xs) - 1)


def figures(marks: Sequence[Sequence[float]], max_mark: float = 1) -> TestFigures:
    """Moodle's figures for attempts × questions `marks`; call only when `enough` says nothing is lacking."""
    s, p = len(marks), len(marks[0])
    totals = [sum(row) for row in marks]
    items = []
    for i in range(p):
        x = [row[i] for row in marks]
        rest = [t - xi for t, xi in zip(totals, x)]
        vx, vr = _covariance(x, x), _covariance(rest, rest)
        cov = _covariance(x, rest)
        cov_max = _covariance(sorted(x), sorted(rest))
        items.append(ItemFigures(
            facility=statistics.fmean(x) / max_mark,
            sd=math.sqrt(vx) / max_mark,
            discrimination_index=100 * cov / math.sqrt(vx * vr) if vx * vr else None,
            discriminative_efficiency=100 * cov / cov_max if cov_max else None))
    variance = _covariance(totals, totals)
    alpha = error_ratio = standard_error = None
    if variance:
        sum_item_variance = sum((it.sd * max_mark) ** 2 for it in items)
        alpha = 100 * p / (p - 1) * (1 - sum_item_variance / variance)
        error_ratio = 100 * math.sqrt(max(0.0, 1 - alpha / 100))     # alpha <= 100; rounding aside
        standard_error = error_ratio * math.sqrt(variance) / 100
    return TestFigures(s, p, statistics.fmean(totals), statistics.median(totals), math.sqrt(variance),
                       alpha, error_ratio, standard_error, tuple(items))


# From answer files to each quiz's figures -------------------------------------------------------------

@dataclass(frozen=True)
class QuestionAnalysis:
    question: Question
    number: int                             # its place in the quiz, from 1
    chosen: dict[str, int]                  # option letter -> how many chose it
    unanswered: int
    figures: ItemFigures | None             # None with too few attempts
    flags: tuple[str, ...]                  # why a tutor should review it, in plain words


@dataclass(frozen=True)
class QuizAnalysis:
    quiz: Quiz
    attempts: int
    figures: TestFigures | None
    too_few: str | None                     # why there are no figures
    questions: tuple[QuestionAnalysis, ...]

    @property
    def flagged(self) -> list[QuestionAnalysis]:
        return [q for q in self.questions if q.flags]


def analyse(bank: QuizBank, answer_files: Iterable[AnswerFile]) -> list[QuizAnalysis]:
    """Every quiz of the bank with the figures of the answer files handed in for it (already checked
    against the bank: same quiz edition, known questions and options)."""
    by_quiz: dict[str, list[AnswerFile]] = {key: [] for key in bank.quizzes}
    for answer_file in answer_files:
        by_quiz[answer_file.quiz].append(answer_file)
    return [_quiz(bank.quiz(key), files) for key, files in by_quiz.items()]


def _quiz(quiz: Quiz, files: list[AnswerFile]) -> QuizAnalysis:
    questions = quiz.questions
    too_few = enough(len(files), len(questions))
    marks = [[1 if f.answers.get(q.id) == q.answer else 0 for q in questions] for f in files]
    found = None if too_few else figures(marks)
    analysed = []
    for i, q in enumerate(questions):
        chosen = {letter: 0 for letter in q.options}
        for f in files:
            if q.id in f.answers:
                chosen[f.answers[q.id]] += 1
        item = found.items[i] if found else None
        analysed.append(QuestionAnalysis(q, i + 1, chosen, len(files) - sum(chosen.values()), item,
                                         _flags(q, item, chosen) if item else ()))
    return QuizAnalysis(quiz, len(files), found, too_few, tuple(analysed))


def _flags(q: Question, item: ItemFigures, chosen: dict[str, int]) -> tuple[str, ...]:
    flags = []
    if item.facility > EASY:
        flags.append(f"Very easy: facility {item.facility:.0%} is above {EASY:.0%}.")
    if item.facility < HARD:
        flags.append(f"Very hard: facility {item.facility:.0%} is below {HARD:.0%}.")
    if item.discrimination_index is not None and item.discrimination_index < 0:
        flags.append("Negative discrimination: trainees who did well on the rest of the quiz got it wrong "
                     "more often than those who did badly. Check the key and the wording.")
    for letter, count in chosen.items():
        if count == 0 and letter != q.answer:
            flags.append(f"Nobody chose option {letter}: it distracts no one.")
    return tuple(flags)
