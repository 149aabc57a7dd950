"""My course file: the trainee's work, saved from the browser to one JSON file and loaded back.

The site keeps a trainee's work (progress, checklist ticks, quiz, exercise and workbook answers,
trainee ID and name) in the browser under keys `<STORAGE_PREFIX><edition id>:<name>`. The course
file holds every such key of one edition. These names are handed to the pages as data (see
macros/hooks.py), so the JavaScript and this module cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError
from .jsonfile import load_saved_file

STORAGE_PREFIX = "lmp-course:"
COURSE_FILE_FORMAT = "lmp-course-file"
COURSE_FILE_VERSION = 1


@dataclass(frozen=True)
class CourseFile:
    """What a trainee saved: the edition it belongs to and every stored value, by key name."""

    path: Path
    edition: str
    saved_at: str
    items: dict[str, str]


def read_course_file(path: Path, edition: str | None = None) -> CourseFile:
    """Parse a course file (of `edition`, when given); anything unreadable is a CourseError naming the file and the field."""
    data = load_saved_file(path, "course file", COURSE_FILE_FORMAT, COURSE_FILE_VERSION)
    items = data.get("items")
    if not isinstance(data.get("edition"), str) or not data["edition"]:
        raise CourseError(f"{path}: edition: is missing")
    if edition is not None and data["edition"] != edition:
        raise CourseError(f"{path}: edition: the file is from edition {data['edition']}, not {edition}")
    if not isinstance(items, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in items.items()):
        raise CourseError(f"{path}: items: must map key names to text")
    return CourseFile(path, data["edition"], str(data.get("saved_at") or ""), dict(items))
