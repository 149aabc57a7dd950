"""Errors carried from the sources, corrected on the built pages: each correction is asserted on the page,
and the source wording it corrects is asserted on the source line, so neither can drift silently."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import source_lines


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().casefold()


def page_text(site, page: str) -> str:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return normalize(soup.select_one("article").get_text(" "))


# (page, what the page must say, what it must no longer say)
CORRECTIONS = [
    ("modules/step-5.html",
     ["the guide calls both ugtt and utica \"the trade unions\"", "that wording is an error",
      "utica is the tunisian union of industry, trade and handicrafts: tunisia's employers' organization"],
     ["the trade unions ugtt and utica"]),
    ("modules/step-1.html",
     ["the evaluation contradicts itself on pakistan", "december 2008",
      "a high level of stakeholder involvement",
      "the evaluation does not show that pakistan's social partners came in late"],
     ["shows the cost of late involvement"]),
    ("modules/step-5.html", ["a high level of stakeholder involvement"], []),
    ("coherence/way-forward.html",
     ["evaluation of the ouagadougou declaration on poverty eradication 2004",
      "declaration and a plan of action on employment and poverty alleviation",
      "the manual names only poverty"],
     ["launched an action plan against poverty, under the ouagadougou"]),
]


@pytest.mark.parametrize("page, says, no_longer", CORRECTIONS, ids=[c[0] + str(i) for i, c in enumerate(CORRECTIONS)])
def test_correction_is_on_the_built_page(site, page, says, no_longer):
    text = page_text(site, page)
    for phrase in says:
        assert normalize(phrase) in text, f"{page}: the correction no longer says {phrase!r}"
    for phrase in no_longer:
        assert normalize(phrase) not in text, f"{page}: the error is back: {phrase!r}"


# The source wording each correction is about, on the line it was read from.
SOURCE_WORDING = [
    ("001", 439, "social partners (the trade unions UGTT and UTICA)"),
    ("004", 470, "endorsed by national tripartite consultation in December 2008"),
    ("004", 662, "a high level of stakeholder involvement"),
    ("004", 702, "if the ILO and all stakeholders had been involved in the policy development process from the beginning"),
    ("000", 1911, "Evaluation of the Ouagadougou Declaration on Poverty Eradication 2004"),
    ("000", 1912, "aimed at fighting poverty"),
]


@pytest.mark.parametrize("document, line, wording", SOURCE_WORDING, ids=[f"{d}:L{n}" for d, n, _ in SOURCE_WORDING])
def test_source_still_says_what_the_correction_is_about(document, line, wording):
    assert normalize(wording) in normalize(source_lines(document)[line - 1])
