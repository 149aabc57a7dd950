"""The quiz bank (quizzes/week-N.yml), its validation, and the answer files trainees hand in."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from course.content import load, shared_root
from course.content.definition import load_course
from course.content.quizzes import ANSWER_FORMAT, ANSWER_VERSION, load_quiz_bank
from course.content.sources import documents
from course.errors import CourseDataError, CourseError
from course.grading.answers import read_answer_file, score_answers

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"
COURSE = load_course()
BANK = load().quiz_bank
QUIZZES_LIST = list(BANK.quizzes.values())


# --- The real bank --------------------------------------------------------------------------------

def test_one_quiz_of_ten_questions_per_week():
    assert sorted(BANK.quizzes) == [f"week-{w.number}" for w in COURSE.weeks]
    assert len(BANK.quizzes) == COURSE.assessment.quiz_count == 6
    for quiz in QUIZZES_LIST:
        assert len(quiz.questions) == COURSE.assessment.quiz_questions == 10, quiz.key


def test_question_ids_are_unique_across_the_bank():
    ids = Counter(q.id for quiz in QUIZZES_LIST for q in quiz.questions)
    assert [i for i, n in ids.items() if n > 1] == []
    assert sum(ids.values()) == 60


@pytest.mark.parametrize("quiz", QUIZZES_LIST, ids=lambda q: q.key)
def test_quiz_matches_its_week_in_course_yml(quiz):
    week = next(w for w in COURSE.weeks if w.number == quiz.week)
    assert quiz.title == week.title
    week_modules = [a.id for a in week.activities if a.kind == "module"]
    assert list(quiz.modules) == week_modules
    # Every module of the week is tested by at least one question.
    assert {q.module for q in quiz.questions} == set(week_modules)


@pytest.mark.parametrize("quiz", QUIZZES_LIST, ids=lambda q: q.key)
def test_every_question_is_sourced_and_teaches(quiz):
    docs = documents()
    for q in quiz.questions:
        assert q.source is not None and q.source.document.key in docs, q.id
        assert not re.search(r"\bL\d+|\blines? \d+", q.source.where), f"{q.id}: cite the section, not a line"
        assert q.module in quiz.modules, q.id
        assert q.answer in q.options, q.id
        assert len(set(q.options.values())) == len(q.options), f"{q.id}: two options say the same"
        # An explanation that teaches: at least two sentences, not a bare restatement of the key.
        assert q.explanation.count(". ") >= 1 and len(q.explanation) >= 150, q.id


def test_the_right_letter_moves_around():
    letters = Counter(q.answer for quiz in QUIZZES_LIST for q in quiz.questions)
    assert set(letters) >= set("abcd"), letters
    # Roughly even over a-d: no letter is right more than a third of the time, or less than a sixth.
    for letter in "abcd":
        assert 10 <= letters[letter] <= 20, letters
    for quiz in QUIZZES_LIST:
        per_quiz = Counter(q.answer for q in quiz.questions)
        assert max(per_quiz.values()) <= 4, f"{quiz.key}: {per_quiz}"


def test_the_longest_option_is_not_a_giveaway():
    longest_is_right = sum(
        1 for quiz in QUIZZES_LIST for q in quiz.questions
        if len(q.options[q.answer]) == max(len(t) for t in q.options.values()))
    assert longest_is_right <= 36, f"the right answer is the longest option in {longest_is_right} of 60 questions"


def test_edition_changes_with_the_questions_not_with_the_key():
    import dataclasses
    quiz = BANK.quiz("week-1")
    first = quiz.questions[0]
    other_letter = next(letter for letter in first.options if letter != first.answer)
    rekeyed = dataclasses.replace(quiz, questions=(dataclasses.replace(first, answer=other_letter),)
                                  + quiz.questions[1:])
    assert rekeyed.edition == quiz.edition      # the key is not in the edition graded pages print
    reworded = dataclasses.replace(quiz, questions=(dataclasses.replace(first, question=first.question + " "),)
                                   + quiz.questions[1:])
    assert reworded.edition != quiz.edition


# --- Broken banks: each names the file and the question -------------------------------------------

BROKEN = {
    # fixture folder: (file, the words that must appear in the message)
    "wrong-count": ("week-1.yml", ["questions", "has 9 questions", "exactly 10"]),
    "duplicate-id": ("week-1.yml", ["questions[6]", "duplicate question id 'fx-q3'"]),
    "answer-not-an-option": ("week-1.yml", ["questions[3] (fx-q4).answer", "'d' is not one of the options"]),
    "unknown-module": ("week-1.yml", ["questions[4] (fx-q5).module", "'step-3'"]),
    "unknown-quiz-module": ("week-1.yml", ["modules[1]", "'no-such-module' is not a module"]),
    "missing-source": ("week-1.yml", ["questions[1] (fx-q2).source", "is missing"]),
    "unknown-source-document": ("week-1.yml", ["questions[8] (fx-q9).source.document",
                                               "unknown source document '009'"]),
    "all-of-the-above": ("week-1.yml", ["questions[5] (fx-q6).options.d", "all/none of the above"]),
    "bad-option-letters": ("week-1.yml", ["questions[2] (fx-q3).options", "found ['a', 'b', 'd']"]),
    "week-file-mismatch": ("week-2.yml", ["week", "is 1 but the file is week-2.yml"]),
    "duplicate-id-across-weeks": ("week-2.yml", ["fx-q1", "also used in week-1.yml"]),
    "bad-level": ("week-1.yml", ["questions[0] (fx-q1).level", "'remembering' is not a level"]),
    "objective-of-another-module": ("week-1.yml", ["questions[2] (fx-q3).objective",
                                                   "'step-1-decision' is an objective of step-1"]),
}


def test_the_fixture_base_is_valid():
    bank = load_quiz_bank(FIXTURES / "valid")
    assert len(bank.quiz("week-1").questions) == 10


def test_every_broken_fixture_is_tested():
    assert {p.name for p in FIXTURES.iterdir() if p.is_dir()} == set(BROKEN) | {"valid"}


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_broken_bank_is_rejected_naming_file_and_question(rule):
    file, words = BROKEN[rule]
    with pytest.raises(CourseDataError) as caught:
        load_quiz_bank(FIXTURES / rule)
    path = str(FIXTURES / rule / file)
    matching = [p for p in caught.value.problems if p.startswith(path + ": ") and all(w in p for w in words)]
    assert matching, f"no problem names {path} and {words}: {caught.value.problems}"


# --- Answer files and scoring ---------------------------------------------------------------------

def answer_file(tmp_path: Path, name: str = "quiz-week-1-T001.json", **over) -> Path:
    quiz = BANK.quiz("week-1")
    data = {"format": ANSWER_FORMAT, "version": ANSWER_VERSION, "quiz": quiz.key, "edition": quiz.edition,
            "trainee_id": "T001", "name": "Amara Diallo",
            "answers": {q.id: q.answer for q in quiz.questions}, "saved_at": "2027-02-07T10:00:00.000Z"}
    data.update(over)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_answer_file_with_the_key_scores_ten(tmp_path):
    answers = read_answer_file(answer_file(tmp_path))
    assert (answers.quiz, answers.trainee_id, answers.name) == ("week-1", "T001", "Amara Diallo")
    assert score_answers(answers, BANK) == 10


def test_unanswered_and_wrong_answers_score_less(tmp_path):
    quiz = BANK.quiz("week-1")
    wrong = {q.id: next(letter for letter in q.options if letter != q.answer) for q in quiz.questions[:3]}
    right = {q.id: q.answer for q in quiz.questions[3:8]}      # two questions left unanswered
    assert score_answers(read_answer_file(answer_file(tmp_path, answers={**wrong, **right})), BANK) == 5


def test_answer_file_with_a_bom_is_read(tmp_path):
    path = answer_file(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert score_answers(read_answer_file(path), BANK) == 10


def _error(call) -> str:
    with pytest.raises(CourseError) as caught:
        call()
    return "\n".join(caught.value.problems)


def test_unreadable_json_names_the_file(tmp_path):
    path = tmp_path / "quiz-week-1-T001.json"
    path.write_text("{not json", encoding="utf-8")
    message = _error(lambda: read_answer_file(path))
    assert str(path) in message and "not a quiz answer file" in message


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "nowhere.json"
    assert str(path) in _error(lambda: read_answer_file(path))


def test_wrong_format_names_the_file(tmp_path):
    path = answer_file(tmp_path, format="something-else")
    message = _error(lambda: read_answer_file(path))
    assert str(path) in message and ANSWER_FORMAT in message


def test_unsupported_version_names_the_file(tmp_path):
    path = answer_file(tmp_path, version=2)
    message = _error(lambda: read_answer_file(path))
    assert str(path) in message and "version 2" in message


def test_missing_trainee_id_names_the_file(tmp_path):
    path = answer_file(tmp_path, trainee_id="  ")
    message = _error(lambda: read_answer_file(path))
    assert f"{path}: trainee_id: is missing" in message


def test_unknown_quiz_names_the_file(tmp_path):
    path = answer_file(tmp_path, quiz="week-9")
    message = _error(lambda: score_answers(read_answer_file(path), BANK))
    assert f"{path}: quiz: unknown quiz 'week-9'" in message


def test_other_edition_names_the_file(tmp_path):
    path = answer_file(tmp_path, edition="000000000000")
    message = _error(lambda: score_answers(read_answer_file(path), BANK))
    assert f"{path}: edition:" in message and "the questions were changed" in message


def test_unknown_question_id_names_the_file(tmp_path):
    path = answer_file(tmp_path, answers={"w9-nothing": "a"})
    message = _error(lambda: score_answers(read_answer_file(path), BANK))
    assert f"{path}: answers.w9-nothing: no such question in week-1" in message


def test_bad_letter_names_the_file(tmp_path):
    qid = BANK.quiz("week-1").questions[0].id
    path = answer_file(tmp_path, answers={qid: "z"})
    message = _error(lambda: score_answers(read_answer_file(path), BANK))
    assert f"{path}: answers.{qid}: 'z' is not one of the options" in message


def test_answers_that_are_not_letters_name_the_file(tmp_path):
    path = answer_file(tmp_path, answers=["a", "b"])
    assert f"{path}: answers: must map question ids to letters" in _error(lambda: read_answer_file(path))


def test_bank_folder_is_the_one_the_site_mounts():
    assert shared_root() / "quizzes" == Path(__file__).resolve().parent.parent / "quizzes"


# --- The built pages: practice and graded -----------------------------------------------------------

from bs4 import BeautifulSoup  # noqa: E402
from conftest import BuildError, build_site  # noqa: E402


def _squash(text: str) -> str:
    """Letters and digits only, so a text is found whatever HTML or JSON escaping it went through."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _key_leaks(site: Path) -> dict[str, list[str]]:
    """Every file under site/ holding an explanation, or a serialized answer key."""
    explanations = {q.id: _squash(q.explanation) for quiz in QUIZZES_LIST for q in quiz.questions}
    key_patterns = [re.compile(r'"(answer|letter|why)"\s*:'), re.compile(r'data-(answer|correct)\b')]
    key_patterns += [re.compile(rf'"{re.escape(q.id)}"\s*:\s*(\{{|"[a-e]")')
                     for quiz in QUIZZES_LIST for q in quiz.questions]
    leaks: dict[str, list[str]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        squashed = _squash(text)
        found = [f"explanation of {qid}" for qid, e in explanations.items()
                 if e[:120] in squashed or e[-120:] in squashed]
        found += [f"key pattern {p.pattern}" for p in key_patterns if p.search(text)]
        if found:
            leaks[str(path.relative_to(site))] = found
    return leaks


@pytest.mark.parametrize("quiz", QUIZZES_LIST, ids=lambda q: q.key)
def test_quiz_page_contract(site, quiz):
    soup = BeautifulSoup((site / "quizzes" / f"{quiz.key}.html").read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text(strip=True).rstrip("¶") for h in soup.select("h1")] == [f"Quiz {quiz.week}: {quiz.title}"]
    root = soup.select_one(".course-quiz")
    assert (root["data-quiz"], root["data-edition"], root["data-mode"]) == (quiz.key, quiz.edition, "practice")
    fieldsets = root.select("fieldset.course-quiz__question")
    assert [f.legend.get_text() for f in fieldsets] == [f"{n}. {q.question}" for n, q in enumerate(quiz.questions, 1)]
    for fieldset, q in zip(fieldsets, quiz.questions):
        radios = fieldset.select("input[type=radio]")
        assert [r["value"] for r in radios] == list(q.options)
        labels = [root.select_one(f'label[for="{r["id"]}"]').get_text() for r in radios]
        assert labels == list(q.options.values())
    for label in ("Trainee ID", "Name"):
        field = root.find("label", string=label)
        assert field is not None and root.select_one(f'input#{field["for"]}[type=text]') is not None
    buttons = [b.get_text() for b in root.select("button")]
    assert buttons == ["Check my answers", "Download my answers", "Clear my answers",
                       "Download anyway", "Answer them first"]      # the last two ask about unanswered questions
    assert root.select_one('[aria-live="polite"]') is not None


def test_practice_site_keeps_explanations_out_of_search(site):
    for index in ("search/search_index.json", "search/search_index.js"):
        text = _squash((site / index).read_text(encoding="utf-8"))
        assert not [q.id for quiz in QUIZZES_LIST for q in quiz.questions if _squash(q.explanation)[:120] in text]
    # The detector sees the key where it is (the practice pages), so its silence on a graded site means something.
    leaks = _key_leaks(site)
    assert set(leaks) == {f"quizzes/{quiz.key}.html" for quiz in QUIZZES_LIST}


@pytest.fixture(scope="module")
def graded_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("graded") / "site", QUIZ_MODE="graded")


def test_graded_site_has_no_key_and_no_explanation_anywhere(graded_site):
    assert _key_leaks(graded_site) == {}


@pytest.mark.parametrize("quiz", QUIZZES_LIST, ids=lambda q: q.key)
def test_graded_page_has_no_check_button_but_can_be_handed_in(graded_site, quiz):
    soup = BeautifulSoup((graded_site / "quizzes" / f"{quiz.key}.html").read_text(encoding="utf-8"), "html.parser")
    root = soup.select_one(".course-quiz")
    assert root["data-mode"] == "graded" and root["data-edition"] == quiz.edition
    assert [b.get_text() for b in root.select("button")] == ["Download my answers", "Clear my answers",
                                                             "Download anyway", "Answer them first"]
    mode = root.select_one(".course-quiz__mode").get_text(" ")
    assert mode.startswith("Graded edition.") and "0.5 points for each correct answer" in mode
    assert "Check my answers" not in soup.get_text()
    assert len(root.select("fieldset.course-quiz__question")) == 10
    data = json.loads(root.select_one("script.course-quiz__data").get_text())
    assert data == {"quiz": quiz.key, "edition": quiz.edition, "mode": "graded",      # no key, no explanation
                    "answerFile": {"format": ANSWER_FORMAT, "version": ANSWER_VERSION,
                                   "name": "quiz-{quiz}-{trainee_id}.json"}}


def test_unknown_quiz_mode_fails_the_build(tmp_path):
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "site", QUIZ_MODE="exam")
    assert "QUIZ_MODE" in str(caught.value) and "'exam'" in str(caught.value)
