"""Quiz answer files handed in by trainees (`--answers DIR`), scored and merged into the score sheet.

A quiz scored in both places (a number in quiz_N and an answer file) is an error, never a silent
choice; so is an answer file nobody in the score sheet handed in.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..content.definition import Course
from ..content.jsonfile import load_saved_file
from ..content.quizzes import ANSWER_FORMAT, ANSWER_VERSION, QuizBank
from ..errors import CourseError
from .scoresheet import Problems, Trainee


@dataclass(frozen=True)
class AnswerFile:
    """What a trainee handed in for one quiz."""

    path: Path
    quiz: str
    edition: str
    trainee_id: str
    name: str
    answers: dict[str, str]     # question id -> chosen letter (unanswered questions absent)


def read_answer_file(path: Path) -> AnswerFile:
    """Parse an answer file; anything unreadable is a CourseError naming the file."""
    data = load_saved_file(path, "quiz answer file", ANSWER_FORMAT, ANSWER_VERSION)
    problems = []
    for field in ("quiz", "edition", "trainee_id"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            problems.append(f"{path}: {field}: is missing")
    answers = data.get("answers")
    if not isinstance(answers, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items()):
        problems.append(f"{path}: answers: must map question ids to letters")
    if problems:
        raise CourseError(problems)
    return AnswerFile(path, data["quiz"].strip(), data["edition"].strip(), data["trainee_id"].strip(),
                      str(data.get("name") or "").strip(), dict(answers))


def score_answers(answer_file: AnswerFile, bank: QuizBank) -> int:
    """Number of correct answers; an unknown quiz, another edition or a stray answer is a CourseError."""
    path = answer_file.path
    if answer_file.quiz not in bank.quizzes:
        raise CourseError(f"{path}: quiz: unknown quiz {answer_file.quiz!r} (known: {', '.join(bank.quizzes)})")
    quiz = bank.quiz(answer_file.quiz)
    questions = {q.id: q for q in quiz.questions}
    if answer_file.edition != quiz.edition:
        gone = sorted(set(answer_file.answers) - set(questions))
        retired = f"; {', '.join(gone)} no longer in the quiz" if gone else ""
        raise CourseError(f"{path}: edition: answers are for edition {answer_file.edition} of {quiz.key}, "
                          f"but the quiz bank is edition {quiz.edition} (the questions were changed{retired}); "
                          f"ask the trainee to answer the current quiz and hand in the new file")
    problems = []
    for qid, letter in answer_file.answers.items():
        if qid not in questions:
            problems.append(f"{path}: answers.{qid}: no such question in {quiz.key}")
        elif letter not in questions[qid].options:
            problems.append(f"{path}: answers.{qid}: {letter!r} is not one of the options")
    if len(problems) > SHOWN_PER_FILE:      # a damaged or made-up file: the first few say enough
        problems[SHOWN_PER_FILE:] = [f"{path}: answers: {len(problems) - SHOWN_PER_FILE:,} more answers like these; "
                                     f"{len(answer_file.answers):,} answers in all for {len(questions)} questions: "
                                     "is this the trainee's file?"]
    if problems:
        raise CourseError(problems)
    return sum(1 for qid, letter in answer_file.answers.items() if questions[qid].answer == letter)


SHOWN_PER_FILE = 5      # problems listed for one answer file before the rest are counted


@dataclass(frozen=True)
class ScoredAnswers:
    path: Path
    quiz_number: int            # the N of quiz_N
    correct: int
    answers: AnswerFile         # what was handed in (item statistics read the letters)


class AnswerFiles:
    """Every answer file in a folder, scored: (trainee_id, quiz number) -> ScoredAnswers."""

    def __init__(self, folder: Path, course: Course, bank: QuizBank):
        self.folder = Path(folder)
        self.bank = bank            # the quiz bank the files were scored against
        self.scored: dict[tuple[str, int], ScoredAnswers] = {}
        problems: list[str] = []
        if not self.folder.is_dir():
            raise CourseError(f"{self.folder}: the answers folder does not exist")
        numbers = _quiz_numbers(course, bank)
        for path in answer_file_paths(self.folder, problems):
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

    def merge(self, trainees: Iterable[Trainee], scores_file: str, problems: Problems) -> Iterator[Trainee]:
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


def answer_file_paths(folder: Path, problems: list[str]) -> list[Path]:
    """Every file under `folder`, hidden ones aside, in name order; however deep (no recursion).

    Linked sub-folders are followed, each real folder read once (known by device and inode), so a link
    back up does not loop and a file reached by two ways is scored once. A broken link is a problem.
    """
    found: list[Path] = []
    start = os.stat(folder)
    seen_folders, seen_files = {(start.st_dev, start.st_ino)}, set()
    waiting = [Path(folder)]
    while waiting:
        current = waiting.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            problems.append(f"{current}: cannot read the folder: {exc.strerror}")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                info = entry.stat()         # follows links
            except OSError as exc:
                problems.append(f"{entry.path}: a link to {os.readlink(entry.path)}, which does not exist"
                                if entry.is_symlink() else f"{entry.path}: cannot read: {exc.strerror}")
                continue
            identity = (info.st_dev, info.st_ino)
            if entry.is_dir():
                if identity not in seen_folders:
                    seen_folders.add(identity)
                    waiting.append(Path(entry.path))
            elif entry.is_file() and identity not in seen_files:
                seen_files.add(identity)
                found.append(Path(entry.path))
    return sorted(found)


def _quiz_numbers(course: Course, bank: QuizBank) -> dict[str, int]:
    """Quiz key ("week-2") -> N of its quiz_N column: the quizzes in course order."""
    weeks = [course.week_of(a.id).number for a in course.activities("quiz")]
    return {key: weeks.index(quiz.week) + 1 for key, quiz in bank.quizzes.items() if quiz.week in weeks}
