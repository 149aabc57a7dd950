"""Cohort figures for the coordinator's report, as in the 2022 course's learning analytics (003)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..content.definition import Course, EngagementBand
from .rules import Result
from .scoresheet import Trainee


def percent(count: int, total: int) -> int:
    """A whole percentage, halves rounded up (23 of 42 is 55 %); 0 of nobody is 0."""
    return (200 * count + total) // (2 * total) if total else 0


@dataclass(frozen=True)
class BandCount:
    band: EngagementBand
    count: int
    percent: int


@dataclass(frozen=True)
class CertificateCount:
    certificate: str
    count: int
    percent: int


@dataclass(frozen=True)
class QuizFigures:
    number: int                     # the N of quiz_N
    submitted: int
    average_points: Decimal | None  # over those who submitted it, out of the quiz's points


@dataclass(frozen=True)
class CohortFigures:
    participants: int
    bands: tuple[BandCount, ...]
    quiz_takers: int                # submitted at least one quiz
    average_quiz_points: Decimal | None     # exact mean of quiz points over quiz_takers
    above_average: int              # quiz takers strictly above that mean
    group_work: int
    essays: int
    certificates: tuple[CertificateCount, ...]
    bonus_applied: int
    quizzes: tuple[QuizFigures, ...]

    def certificate_count(self, certificate: str) -> int:
        return next(c.count for c in self.certificates if c.certificate == certificate)


def two_decimals(value: Decimal) -> str:
    """The average as reported: 22.07."""
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class Cohort:
    """Adds trainees up one at a time, in memory that does not grow with the cohort."""

    def __init__(self, course: Course):
        self.course = course
        self.participants = 0
        self.items = Counter()          # completed items -> trainees
        self.quiz_points = Counter()    # quiz points -> quiz takers; points take few values (0, 0.5 … 30)
        self.group_work = 0
        self.essays = 0
        self.certificates = Counter()
        self.bonus_applied = 0
        n = course.assessment.quiz_count
        self.quiz_submitted = [0] * n
        self.quiz_correct = [0] * n

    def add(self, trainee: Trainee, result: Result) -> None:
        self.participants += 1
        self.items[result.completed_items] += 1
        if any(q is not None for q in trainee.quizzes):
            self.quiz_points[result.quiz_points] += 1
        for i, q in enumerate(trainee.quizzes):
            if q is not None:
                self.quiz_submitted[i] += 1
                self.quiz_correct[i] += q
        self.group_work += trainee.group_work is not None
        self.essays += trainee.essay is not None
        self.certificates[result.certificate] += 1
        self.bonus_applied += result.bonus_applied

    def figures(self) -> CohortFigures:
        total = self.participants
        per_band = Counter()
        for items, n in self.items.items():
            per_band[self.course.engagement_band(items).id] += n
        bands = [BandCount(band, per_band[band.id], percent(per_band[band.id], total))
                 for band in self.course.engagement_bands]
        takers = sum(self.quiz_points.values())
        points = sum((p * n for p, n in self.quiz_points.items()), Decimal(0))
        average = points / takers if takers else None
        # p > points / takers, compared exactly as p * takers > points
        above = sum(n for p, n in self.quiz_points.items() if p * takers > points)
        per_correct = Decimal(str(self.course.assessment.points_per_correct))
        quizzes = tuple(QuizFigures(i + 1, s, Decimal(c) * per_correct / s if s else None)
                        for i, (s, c) in enumerate(zip(self.quiz_submitted, self.quiz_correct)))
        certificates = tuple(CertificateCount(c, self.certificates[c], percent(self.certificates[c], total))
                             for c in self.course.certificates.kinds)
        return CohortFigures(total, tuple(bands), takers, average, above, self.group_work, self.essays,
                             certificates, self.bonus_applied, quizzes)
