"""Quiz answer files handed in by trainees (`--answers DIR`), scored and merged into the score sheet.

A quiz scored in both places (a number in quiz_N and an answer file) is an error, never a silent
choice; so is an answer file nobody in the score sheet handed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .definition import Course
from .errors import CourseError
from .quizzes import AnswerFile, QuizBank, load_quiz_bank, read_answer_file, score_answers
from .scoresheet import Problems, Trainee


@dataclass(frozen=True)
class ScoredAnswers:
    path: Path
    quiz_number: int            # the N of quiz_N
    correct: int
    answers: AnswerFile         # what was handed in (item statistics read the letters)


class AnswerFiles:
    """Every answer file in a folder, scored: (trainee_id, quiz number) -> ScoredAnswers."""

    def __init__(self, folder: Path, course: Course, quiz_folder: Path):
        self.folder = Path(folder)
        self.scored: dict[tuple[str, int], ScoredAnswers] = {}
        problems: list[str] = []
        if not self.folder.is_dir():
            raise CourseError(f"{self.folder}: the answers folder does not exist")
        if not Path(quiz_folder).is_dir() or not any(Path(quiz_folder).glob("week-*.yml")):
            raise CourseError(f"{quiz_folder}: no quiz bank (quizzes/week-N.yml) to score the answer files against")
        bank = load_quiz_bank(Path(quiz_folder))
        numbers = _quiz_numbers(course, bank)
        for path in sorted(p for p in self.folder.rglob("*") if p.is_file() and not _hidden(p, self.folder)):
            try:
                answer_file = read_answer_file(path)
                correct = score_answers(answer_file, bank)
            except CourseError as exc:
                problems.extend(exc.problems)
                continue
            if answer_file.quiz not in numbers:
                problems.append(f"{path}: quiz: {answer_file.quiz} is not one of the course's graded quizzes")
                continue
            key = (answer_file.trainee_id, numbers[answer_file.quiz])
            if key in self.scored:
                problems.append(f"{path}: quiz: trainee {answer_file.trainee_id!r} already handed in "
                                f"{answer_file.quiz} in {self.scored[key].path}; keep one file")
                continue
            self.scored[key] = ScoredAnswers(path, key[1], correct, answer_file)
        if problems:
            raise CourseError(problems)

    def merge(self, trainees: Iterable[Trainee], scores_file: Path, problems: Problems) -> Iterator[Trainee]:
        """Fill each trainee's blank quiz_N from their answer files; unused files are problems at the end."""
        for trainee in trainees:
            quizzes = list(trainee.quizzes)
            changed = False
            for n in range(1, len(quizzes) + 1):
                found = self.scored.pop((trainee.trainee_id, n), None)
                if found is None:
                    continue
                if quizzes[n - 1] is not None:
                    problems.add(scores_file, trainee.row, f"quiz_{n}",
                                 f"scored in the sheet ({quizzes[n - 1]}) and in the answer file {found.path}; "
                                 "clear the cell or remove the file")
                else:
                    quizzes[n - 1], changed = found.correct, True
            yield trainee._replace(quizzes=tuple(quizzes)) if changed else trainee
        for (trainee_id, _), found in sorted(self.scored.items(), key=lambda kv: str(kv[1].path)):
            problems.add(found.path, 0, "trainee_id", f"no valid row for trainee {trainee_id!r} in {scores_file}")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _quiz_numbers(course: Course, bank: QuizBank) -> dict[str, int]:
    """Quiz key ("week-2") -> N of its quiz_N column: the quizzes in course order."""
    weeks = [course.week_of(a.id).number for a in course.activities("quiz")]
    return {key: weeks.index(quiz.week) + 1 for key, quiz in bank.quizzes.items() if quiz.week in weeks}
