"""The interface text (course/content/ui.yml): in every language, with the same placeholders; and no
reader-facing English left in the scripts or the macros (they read ui.yml instead)."""

from __future__ import annotations

import ast
import json
import re
import string
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from course.content.exercises import KINDS
from course.content.ui import LANGUAGES, SECTIONS, UI, load_ui, number
from course.errors import CourseDataError

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(p for p in ROOT.rglob("assets/javascripts/*.js") if ".venv" not in p.parts and "site" not in p.parts)


def raw() -> dict:
    return yaml.safe_load(UI.read_text(encoding="utf-8"))


def names(text: str) -> set[str]:
    return {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}


def test_every_key_has_every_language_with_the_same_placeholders():
    """Oracle written from the contract, independent of the loader: exactly en and fr, same {names}."""
    data = raw()
    assert set(data) == set(SECTIONS)
    keys = [k for section in data.values() for k in section]
    assert len(keys) == len(set(keys)), "a key in both sections"
    for section in data.values():
        for key, texts in section.items():
            assert set(texts) == set(LANGUAGES), key
            assert all(isinstance(t, str) and t.strip() for t in texts.values()), key
            assert names(texts["en"]) == names(texts["fr"]), key
            assert not re.search(r" [:;?!]", texts["fr"]), f"{key}: no-break space before : ; ? ! in French"


def test_the_loader_gives_each_language(tmp_path):
    en, fr = load_ui(lang="en"), load_ui(lang="fr")
    assert en("week", n=3) == "Week 3" and fr("week", n=3) == "Semaine 3"
    assert en.plural("hours", 1) == "1 hour" and fr.plural("hours", 1.5) == "1,5 heure"
    assert en.plural("hours", 0.5) == "0.5 hours" and fr.plural("hours", 2) == "2 heures"
    assert set(en.pages) == set(fr.pages) and set(en.scripts) == set(fr.scripts)


def test_numbers_are_written_the_french_way():
    assert [number(x, "fr", grouped=True) for x in (0.5, 60, 1500, 2500, 12.25)] == \
        ["0,5", "60", "1\u00a0500", "2\u00a0500", "12,25"]
    assert [number(x, "en", grouped=True) for x in (0.5, 60.0, 1500)] == ["0.5", "60", "1,500"]


def test_numbers_in_data_files_and_reasons_are_exact_and_not_grouped():
    exact = (Decimal("57.50"), Decimal("60"), Decimal("1E-7"), Decimal("1E+3"), 7.5, 1500.5)
    assert [number(x) for x in exact] == ["57.5", "60", "0.0000001", "1000", "7.5", "1500.5"]
    assert [number(x, "fr") for x in exact] == ["57,5", "60", "0,0000001", "1000", "7,5", "1500,5"]


@pytest.mark.parametrize("broken, message", [
    ('  week: {en: "Week {n}"}\n', "must have exactly en, fr"),
    ('  week: {en: "Week {n}", fr: "Semaine {number}"}\n', "use the same"),
    ('  week: {en: "Week {n}", fr: ""}\n', "not empty"),
    ('  week: {en: "Week {n}", fr: "Semaine {n} :"}\n', "no-break space"),
    ('  week.one: {en: "Week {n}", fr: "Semaine {n}"}\n', "'.other'"),
])
def test_a_broken_entry_is_named(tmp_path, broken, message):
    text = UI.read_text(encoding="utf-8").replace("pages:\n", "pages:\n" + broken, 1)
    if "week:" in broken:       # replace the real entry rather than duplicate the key
        text = re.sub(r'\n  week: \{en: "Week \{n\}", fr: "Semaine \{n\}"\}\n', "\n", text, count=1)
    path = tmp_path / "ui.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CourseDataError) as caught:
        load_ui(path)
    assert message in str(caught.value) and "pages." in str(caught.value)


def test_every_kind_of_exercise_has_its_label():
    assert {f"exercise.kind.{k}" for k in KINDS} <= set(raw()["pages"])


# --- No reader-facing English left in the code: it reads ui.yml -----------------------------------

WORDS = re.compile(r"\b[A-Za-z]{2,}[,.:;]? [A-Za-z]{2,}\b")       # two words in a row: a phrase
# (and in the macros, a word before a value, as in f"Week {n}")


# Code, not text: a directive, selectors, class names, a SCORM value, markup.
NOT_TEXT = {"use strict", "button, input", "course-nav-mark course-nav-mark--", "not attempted",
            '<!DOCTYPE html>\\n<html lang=\\"'}


def js_literals(source: str) -> list[str]:
    """The string literals of a script, leaving out comments and the messages of thrown errors (for developers)."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    source = re.sub(r"^\s*//.*$|\s//.*$", "", source, flags=re.M)
    source = re.sub(r"throw new Error\([^;]*\);", "", source)
    return [m.group(2) for m in re.finditer(r"([\"'])((?:\\.|(?!\1).)*)\1", source)]


def test_the_scripts_write_no_english_of_their_own():
    assert SCRIPTS, "no scripts found"
    found = [f"{p.name}: {s!r}" for p in SCRIPTS for s in js_literals(p.read_text(encoding="utf-8"))
             if s not in NOT_TEXT and WORDS.search(re.sub(r"<[^>]*>|\[[^\]]*\]", " ", s))]
    assert not found, "English text in the scripts: put it in course/content/ui.yml (scripts):\n" + "\n".join(found)


def python_texts(path: Path) -> list[str]:
    """String pieces of a module, leaving out docstrings and the messages of raised errors (for authors)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
    texts = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):     # an f-string as a whole: its values become {}
            skip.update(id(n) for n in ast.walk(node))
            texts.append("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
    return texts


@pytest.mark.parametrize("module", ["macros/main.py", "macros/hooks.py", "editions/pdf.py"])
def test_the_macros_write_no_english_of_their_own(module):
    found = []
    for text in python_texts(ROOT / module):
        visible = re.sub(r"<[^>]*>|\{[^}]*\}|`[^`]*`", " ", text)     # tags, placeholders, code
        if WORDS.search(visible) or re.search(r"\b[A-Za-z]{3,} \{\}", re.sub(r"<[^>]*>", " ", text)):
            found.append(repr(text))
    assert not found, f"English text in {module}: put it in course/content/ui.yml (pages):\n" + "\n".join(found)


def test_every_page_carries_the_scripts_text_once(site, pages):
    """The scripts read their text from the page (id="course-ui"), in the build's language, once."""
    en = load_ui(lang="en")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<script type="application/json" id="course-ui">(.*?)</script>', html, re.S)
        assert len(found) == 1, page
        data = json.loads(found[0])
        assert (data["lang"], data["text"]) == ("en", en.scripts), page


def test_every_text_the_scripts_ask_for_is_in_ui_yml():
    """A key the scripts name but ui.yml lacks would stop the script on the page (courseText throws)."""
    scripts = set(raw()["scripts"])
    groups = {k.split(".")[0] for k in scripts}
    asked = {s for p in SCRIPTS for s in js_literals(p.read_text(encoding="utf-8"))
             if re.fullmatch(r"[a-z_]+(\.[a-z_]+)+\.?", s) and s.split(".")[0] in groups}
    assert len(asked) > 60
    # "file.kind." + the kind of stored name, for the three kinds course-file.js names that way
    asked = {k for k in asked if not k.endswith(".")} | {f"file.kind.{k}" for k in ("checklist", "progress", "journey")}
    assert asked - scripts == set()
    unused = scripts - asked - {k for k in scripts if k.startswith("quiz.unanswered.")}
    assert unused == set(), "texts no script uses: remove them from ui.yml"
