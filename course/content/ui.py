"""The interface text the course writes itself (ui.yml): every string in every language, checked.

The macros print `pages` strings; the page scripts read `scripts` strings, handed to each page as
data; the grader writes `documents` strings (reasons, certificates, progress pages, the cohort
report). Numbers put into a text are written the way the language writes them (0.5 / 0,5).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import CourseDataError
from .definition import DATA
from .languages import LANGUAGES as NAMES
from .languages import SOURCE, check_language
from .yamlfile import load_yaml

UI = DATA / "ui.yml"
LANGUAGES = tuple(NAMES)       # every text exists in each of them, the source language first
SECTIONS = ("pages", "scripts", "documents")
NBSP = "\u00a0"

# How each language writes numbers: decimal mark, thousands separator; and which counts take the
# singular (French: below two, "0,5 point", "1 heure"). progress.js and quiz.js apply the same rule.
DECIMAL = {"en": ".", "fr": ","}
THOUSANDS = {"en": ",", "fr": NBSP}
PLURAL_RULE = {"en": "one-is-1", "fr": "one-below-2"}


def placeholders(text: str) -> set[str]:
    """The names of the {placeholders} in a text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# How each language writes a number's decimal point and thousands separator, replacing Python's "." and ",".
WRITTEN = {lang: str.maketrans({".": DECIMAL[lang], ",": THOUSANDS[lang]}) for lang in DECIMAL}


def number(value: float | Decimal, lang: str = "en", *, grouped: bool = False) -> str:
    """A number as `lang` writes it, exactly, with no trailing zeros or exponent: 57.5, 60, 0.25 (French 57,5).
    `grouped` groups the thousands, as pages show them (1,500 / 1 500); data files and reasons do not."""
    value = value if isinstance(value, Decimal) else Decimal(str(value))    # a float's shortest text: 7.5
    text = format(value, ",f") if grouped else str(value)
    if "E" in text:             # str() writes a very small or large number with an exponent: 1E-7
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if DECIMAL[lang] == "." and not grouped else text.translate(WRITTEN[lang])


def is_singular(value: float, lang: str) -> bool:
    return value == 1 if PLURAL_RULE[lang] == "one-is-1" else 0 <= value < 2


@dataclass(frozen=True)
class Interface:
    """The interface text in one language: `ui("key", n=3)` gives the text with its values put in."""

    lang: str
    pages: dict[str, str]
    scripts: dict[str, str]
    documents: dict[str, str]

    def __call__(self, key: str, **values) -> str:
        text = self.pages.get(key) or self.documents.get(key) or self.scripts[key]
        return text.format(**{k: self.value(v) for k, v in values.items()})

    def plural(self, key: str, count: float, **values) -> str:
        """`key.one` or `key.other`, chosen by `count` (given to the text as {n})."""
        return self(f"{key}.{'one' if is_singular(count, self.lang) else 'other'}", n=count, **values)

    def value(self, value) -> str:
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return number(value, self.lang, grouped=True)
        return str(value)

    def number(self, value: float) -> str:
        return number(value, self.lang, grouped=True)

    def script_data(self) -> dict:
        """What the page scripts read (id="course-ui"): the texts and how to choose a plural."""
        return {"lang": self.lang, "plural": PLURAL_RULE[self.lang], "decimal": DECIMAL[self.lang],
                "text": self.scripts}


def load_ui(path: Path = UI, lang: str = SOURCE) -> Interface:
    """ui.yml in `lang`; every key must have every language, with the same placeholders in each.

    No draft fallback here: the interface text is short, and is written in every language at once.
    """
    check_language(lang)
    data = load_yaml(path)
    problems: list[str] = []
    chosen: dict[str, dict[str, str]] = {}
    if not isinstance(data, dict) or set(data) != set(SECTIONS):
        raise CourseDataError(f"{path}: must hold exactly the sections {', '.join(SECTIONS)}")
    seen: dict[str, str] = {}       # key -> its section
    for section in SECTIONS:
        chosen[section] = {}
        entries = data[section]
        if not isinstance(entries, dict):
            problems.append(f"{path}: {section}: must be a mapping of key -> {{en: ..., fr: ...}}")
            continue
        for key, texts in entries.items():
            where = f"{path}: {section}.{key}"
            if key in seen:
                problems.append(f"{where}: the key is also in the other section: give it one place")
            seen[key] = section
            if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
                problems.append(f"{where}: must have exactly {', '.join(LANGUAGES)}, each a text")
                continue
            bad = [code for code in LANGUAGES if not isinstance(texts[code], str) or not texts[code].strip()]
            if bad:
                problems.append(f"{where}: {', '.join(bad)}: must be a text that is not empty")
                continue
            try:
                names = {code: placeholders(texts[code]) for code in LANGUAGES}
            except ValueError as exc:
                problems.append(f"{where}: a brace that is not a {{placeholder}}: {exc}")
                continue
            for code in LANGUAGES[1:]:
                if names[code] != names[LANGUAGES[0]]:
                    problems.append(f"{where}: {code} has the placeholders {sorted(names[code])}, "
                                    f"{LANGUAGES[0]} has {sorted(names[LANGUAGES[0]])}: use the same")
            french = texts.get("fr", "")
            for mark in ":;?!":
                if f" {mark}" in french:
                    problems.append(f"{where}: fr: a no-break space (U+00A0), not a space, goes before '{mark}'")
            chosen[section][key] = texts[lang]
    for key, section in seen.items():
        if key.endswith(".one") and key[:-4] + ".other" not in seen:
            problems.append(f"{path}: {section}.{key}: a plural needs its '.other' text too")
    if problems:
        raise CourseDataError(problems)
    return Interface(lang, chosen["pages"], chosen["scripts"], chosen["documents"])
