"""The languages the course is written in. English is the source; every other is a translation of it."""

from __future__ import annotations

import os

SOURCE = "en"
LANGUAGES = {"en": "English", "fr": "French"}     # code -> name in English (for messages to authors)
NATIVE_NAMES = {"en": "English", "fr": "Français"}


def draft_translation() -> bool:
    """True while a translation is being written: a missing translation falls back to English.

    Set COURSE_DRAFT_TRANSLATION=1 for a development build only; a real build fails instead.
    """
    return os.environ.get("COURSE_DRAFT_TRANSLATION", "") not in ("", "0")


def check_language(lang: str) -> str:
    """`lang` if the course is written in it, else a ValueError naming the known ones."""
    if lang not in LANGUAGES:
        raise ValueError(f"no such language {lang!r} (known: {', '.join(LANGUAGES)})")
    return lang
