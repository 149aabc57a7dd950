"""Bilingual course data: every reader-facing text is `{en: ..., fr: ...}` and loads in one language."""

from __future__ import annotations

import pytest

from course.content import load
from course.content.checklists import load_checklist
from course.content.languages import LANGUAGES
from course.content.sources import documents
from course.content.yamlfile import Fields
from course.errors import CourseDataError

SOURCES = documents()
CHECKLIST = """\
title: {en: "Before you move on", fr: "Avant de continuer"}
source: {document: "001", where: "Step 5, Table 12"}
items:
  - id: tabled
    text:
      en: Have you tabled the policy?
      fr: Avez-vous présenté la politique ?
  - id: approved
    text: {en: Has the policy been approved?, fr: La politique a-t-elle été approuvée ?}
"""


def test_a_bilingual_checklist_loads_in_each_language_with_the_same_ids(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text(CHECKLIST, encoding="utf-8")
    en, fr = load_checklist(path, SOURCES, lang="en"), load_checklist(path, SOURCES, lang="fr")
    assert en.title == "Before you move on" and fr.title == "Avant de continuer"
    assert [i.text for i in fr.items] == ["Avez-vous présenté la politique ?", "La politique a-t-elle été approuvée ?"]
    assert [i.id for i in en.items] == [i.id for i in fr.items] == ["tabled", "approved"]


@pytest.mark.parametrize("value, problem", [
    ("Only English", "x.yml: title: has no French text (write it as {en: ..., fr: ...})"),
    ({"en": "English", "fr": " "}, "x.yml: title: has no French text ('fr:' is missing or empty)"),
    ({"en": "English"}, "x.yml: title: has no French text ('fr:' is missing or empty)"),
    ({"en": "English", "fr": "Français", "de": "Deutsch"}, "x.yml: title: unknown language(s) de (known: en, fr)"),
])
def test_a_missing_or_unknown_translation_is_named_with_file_and_field(value, problem, monkeypatch):
    monkeypatch.delenv("COURSE_DRAFT_TRANSLATION", raising=False)
    f = Fields("x.yml", "fr")
    f.text({"title": value}, "title", "")
    assert f.problems == [problem]


def test_english_accepts_plain_text_and_the_draft_switch_falls_back_to_it(monkeypatch):
    assert Fields("x.yml", "en").text({"title": "Plain"}, "title", "") == "Plain"
    monkeypatch.setenv("COURSE_DRAFT_TRANSLATION", "1")
    f = Fields("x.yml", "fr")
    assert f.text({"title": "Plain"}, "title", "") == "Plain"
    assert f.text({"title": {"en": "English"}}, "title", "") == "English"
    assert f.problems == []


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no such language 'de'"):
        Fields("x.yml", "de")


def test_a_untranslated_list_item_is_reported(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_DRAFT_TRANSLATION", raising=False)
    path = tmp_path / "c.yml"
    path.write_text(CHECKLIST.replace("fr: La politique a-t-elle été approuvée ?", "de: x"), encoding="utf-8")
    with pytest.raises(CourseDataError) as err:
        load_checklist(path, SOURCES, lang="fr")
    assert any("items[1].text" in p for p in err.value.problems)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_text_of_the_course_exists_in_every_language(lang, monkeypatch):
    """Parity of the data: every reader-facing text of every file loads in each language, no draft fallback."""
    monkeypatch.delenv("COURSE_DRAFT_TRANSLATION", raising=False)
    content = load(lang=lang)
    assert content.course.title and len(content.quiz_bank.quizzes) == 6
