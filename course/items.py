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
from typing import Sequence

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
