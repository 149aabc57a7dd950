"""The course and the grader's words in one language: what a page for a trainee is written with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content.definition import Course, load_course
from ..content.languages import SOURCE
from ..content.ui import Interface, load_ui


@dataclass(frozen=True)
class Wording:
    course: Course          # the course's titles and labels in this language
    words: Interface        # ui.yml in this language

    @property
    def lang(self) -> str:
        return self.words.lang

    def date(self, day: dt.date) -> str:
        """A date as the language writes it: 1 February 2027, 1 février 2027."""
        return self.words("date", day=str(day.day), month=self.words(f"month.{day.month}"), year=str(day.year))


class Wordings:
    """The wording for each language asked for, read once; `default` for trainees with no language given."""

    def __init__(self, default: str = SOURCE):
        self.default = default
        self._read: dict[str, Wording] = {}

    def __call__(self, lang: str | None = None) -> Wording:
        lang = lang or self.default
        if lang not in self._read:
            self._read[lang] = Wording(load_course(lang=lang), load_ui(lang=lang))
        return self._read[lang]
