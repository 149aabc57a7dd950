"""Writing what the grader produces: atomically, never over a file it did not write; CSV cells made safe."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO, Iterator

from ..errors import CourseError

# Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Marks a folder as written by `course certificates`, so only such a folder is ever replaced.
FOLDER_MARK = ".course-certificates"


NEEDS_QUOTES = re.compile(r'[",\r\n]')


def csv_text(value: str) -> str:
    """A text cell as written to a results CSV: neutralised if a spreadsheet would run it as a formula
    (an apostrophe in front), then quoted as csv.writer quotes (comma, QUOTE_MINIMAL)."""
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    if NEEDS_QUOTES.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_file(path: Path, *, encoding: str = "utf-8", newline: str | None = None,
                binary: bool = False) -> Iterator[IO]:
    """Write `path` through a temporary file beside it, renamed into place only if the block succeeds."""
    path = Path(path)
    _check_parent(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with (open(fd, "wb") if binary else open(fd, "w", encoding=encoding, newline=newline)) as out:
            yield out
        os.chmod(tmp, 0o666 & ~_umask())        # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """Build a folder in a temporary folder beside `path`, then swap it into place.

    An existing `path` is replaced only if it is empty or was written by this tool (it holds
    FOLDER_MARK), so a mistyped `-o` never wipes someone's documents.
    """
    path = Path(path)
    _check_parent(path)
    if path.exists():
        if not path.is_dir():
            raise CourseError(f"{path}: exists and is not a folder; choose a folder name for the certificates")
        if any(path.iterdir()) and not (path / FOLDER_MARK).exists():
            raise CourseError(f"{path}: the folder is not empty and was not written by `course certificates`; "
                              "choose a new or empty folder")
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        yield tmp
        (tmp / FOLDER_MARK).write_text("Written by `course certificates`; replaced on the next run.\n",
                                       encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())
        if path.exists():
            old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
            os.replace(path, old / "previous")   # two renames: the old folder is whole until the new one lands
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _check_parent(path: Path) -> None:
    if not path.parent.is_dir():
        raise CourseError(f"{path}: cannot write: the folder {path.parent} does not exist")
