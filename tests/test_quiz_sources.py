"""Every quiz key is traceable to a source line: the YAML comment on each question id names them."""

from __future__ import annotations

import re

import pytest
from conftest import source_lines

from course.content import load, shared_root

QUIZZES = shared_root() / "quizzes"

BANK = load().quiz_bank
# "- id: w1-policy-formats   # 001 L261-267; 002 L3236-3237 (…)"
ID_LINE = re.compile(r"^\s*- id: (\S+)\s*#(.*)$")
REF = re.compile(r"\b(00\d) L(\d+)(?:-(\d+))?")


def cited_lines() -> dict[str, list[tuple[str, int, int]]]:
    """Question id -> [(document, first line, last line)] from the comments in quizzes/week-N.yml."""
    cited = {}
    for path in sorted(QUIZZES.glob("week-*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = ID_LINE.match(line)
            if match:
                cited[match.group(1)] = [(d, int(a), int(b or a)) for d, a, b in REF.findall(match.group(2))]
    return cited


CITED = cited_lines()


def text(document: str, first: int, last: int) -> str:
    lines = source_lines(document)
    assert 1 <= first <= last <= len(lines), (document, first, last)
    return " ".join(" ".join(lines[first - 1:last]).split())


@pytest.mark.parametrize("question", [q for quiz in BANK.quizzes.values() for q in quiz.questions],
                         ids=lambda q: q.id)
def test_each_question_cites_source_lines_of_its_document(question):
    refs = CITED.get(question.id)
    assert refs, f"{question.id}: no '# 00N Lnnn' comment on its id line"
    assert refs[0][0] == question.source.document.key, f"{question.id}: first line cited is not in its source"
    for document, first, last in refs:
        assert text(document, first, last).strip(), (question.id, document, first)


# The points the review found mis-cited or overstated, and what the cited lines must say now.
KEY_WORDING = {
    "w5-participatory-assessment": "all stakeholders are actively engaged",
    "w6-blma": "cannot ensure the same protection",
    "w4-cambodia-me-plan": "formulated an approach that included establishing",
    "w2-shared-implementation": "or at different stages during its implementation",
    "w2-migration-statistics-guidelines": "20th International Conference of Labour Statisticians of 2018",
    "w5-coordination-partners": "social security institutions",
    "w4-evaluation-criteria": "Efficiency of resource",
    "w4-output-indicators": "focus on outputs over outcomes and impact",
    "w3-sadc-portability": "bilateral and multilateral agreements providing for equality of treatment",
    "w6-report-after-validation": "outcomes of the validation meeting",
    "w1-validated-definition": "politically validated",
}


@pytest.mark.parametrize("qid", sorted(KEY_WORDING))
def test_the_cited_lines_say_what_the_key_rests_on(qid):
    cited = " ".join(text(*ref) for ref in CITED[qid])
    assert KEY_WORDING[qid] in cited, f"{qid}: {KEY_WORDING[qid]!r} not in the lines cited"
