"""Files the course's pages save for a trainee (a quiz's answers, the course file): JSON with a format and a version."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import CourseError


def load_saved_file(path: Path, what: str, fmt: str, version: int) -> dict:
    """The file's JSON object, if it is `what` in this format and version; otherwise a CourseError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CourseError(f"{path}: not a {what} ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise CourseError(f"{path}: not a {what} (no \"format\": \"{fmt}\")")
    found = data.get("version")
    if type(found) is not int or found != version:      # true is not 1, nor 1.0
        raise CourseError(f"{path}: {what.removeprefix('quiz ')} version {found!r} is not supported (expected {version})")
    return data
