"""Read YAML data files and check their fields, collecting every problem with its file and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..errors import CourseDataError
from .languages import LANGUAGES, SOURCE, check_language, draft_translation

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
               list: "a list", dict: "a mapping", dt.date: "a date (YYYY-MM-DD)"}


# libyaml's parser when PyYAML was built with it (it is ~10x faster; the build reads dozens of files).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a CourseDataError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CourseDataError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CourseDataError(f"{path}: is not UTF-8 text") from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path, first_line: int = 1, what: str = "YAML syntax error") -> Any:
    """Parse YAML text that starts at line `first_line` of `path` (front matter starts at line 2)."""
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + first_line}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise CourseDataError(f"{where}: {what}: {problem}") from None


class Fields:
    """Typed access to a parsed YAML document; problems are collected, not raised one by one."""

    def __init__(self, path: Path, lang: str = SOURCE):
        self.path = path
        self.lang = check_language(lang)
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path}: {where}: {message}")

    def mapping(self, value: Any, where: str, allowed: set[str] | None = None) -> dict:
        if not isinstance(value, dict):
            self.problem(where or "(top level)", "must be a mapping of fields")
            return {}
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    self.problem(_join(where, str(key)), f"unknown field (expected one of: {', '.join(sorted(allowed))})")
        return value

    def get(self, data: dict, key: str, kind: type, where: str, *, optional: bool = False, default: Any = None) -> Any:
        field = _join(where, key)
        if key not in data or data[key] is None or data[key] == "":
            if not optional:
                self.problem(field, "is missing")
            return default
        value = data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            self.problem(field, f"must be {_TYPE_NAMES.get(kind, kind.__name__)}, not {value!r}")
            return default
        if kind is str:
            value = value.strip()
        return value

    def text(self, data: dict, key: str, where: str, *, optional: bool = False, default: Any = None) -> Any:
        """A text the reader sees, in this file's language: written `{en: ..., fr: ...}`.

        A plain string is accepted as English only: asking for another language then reports it
        as an untranslated text.
        """
        value = data.get(key) if isinstance(data, dict) else None
        if value is not None and value != "":
            value = self.translated(value, _join(where, key))
            if value is None:           # already reported: untranslated
                return default
        return self.get({key: value}, key, str, where, optional=optional, default=default)

    def translated(self, value: Any, where: str) -> Any:
        """`value` in this file's language if it is a text (plain or `{en:, fr:}`); other values as they are."""
        if isinstance(value, dict) and value and all(isinstance(k, str) and len(k) == 2 for k in value):
            unknown = sorted(set(value) - set(LANGUAGES))
            if unknown:
                self.problem(where, f"unknown language(s) {', '.join(unknown)} (known: {', '.join(LANGUAGES)})")
            chosen = value.get(self.lang)
            if isinstance(chosen, str) and chosen.strip():
                return chosen
            if self.lang != SOURCE and draft_translation() and isinstance(value.get(SOURCE), str):
                return value[SOURCE]
            self.problem(where, f"has no {LANGUAGES[self.lang]} text ('{self.lang}:' is missing or empty)")
            return None
        if isinstance(value, str) and self.lang != SOURCE and value.strip() and not draft_translation():
            self.problem(where, f"has no {LANGUAGES[self.lang]} text (write it as {{{SOURCE}: ..., {self.lang}: ...}})")
            return None
        return value

    def texts(self, data: dict, key: str, where: str, *, optional: bool = True) -> tuple[str, ...]:
        """A list of texts the reader sees, each in this file's language; an empty item is a problem."""
        out = []
        for w, value in self.items(data, key, where, optional=optional):
            value = self.translated(value, w)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                self.problem(w, "must be text")
            else:
                out.append(value.strip())
        return tuple(out)

    def items(self, data: dict, key: str, where: str, *, optional: bool = False) -> list[tuple[str, Any]]:
        """The entries of a list field, each with its path for error messages."""
        values = self.get(data, key, list, where, optional=optional, default=[])
        return [(f"{_join(where, key)}[{i}]", v) for i, v in enumerate(values)]

    def raise_if_any(self) -> None:
        if self.problems:
            raise CourseDataError(self.problems)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
