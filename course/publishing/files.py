"""Writing what the grader produces: atomically, never over a file it did not write; CSV cells made safe."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import CourseError

# Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Lists what `course certificates` wrote in a folder, so that it replaces those files and nothing else.
MANIFEST = ".course-certificates.json"


def neutralised(text: str) -> str:
    """A text cell a spreadsheet would run as a formula, with an apostrophe in front so it stays text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed into place only if the block succeeds."""
    path = Path(path)
    _check_parent(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    except OSError as exc:
        raise CourseError(f"{path}: cannot write in {path.parent}: {exc.strerror}") from None
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())        # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_file(path: Path, *, encoding: str = "utf-8", newline: str | None = None,
                binary: bool = False) -> Iterator[IO]:
    """Write `path` (text, or bytes with binary=True) through a temporary file beside it (see atomic_path)."""
    with atomic_path(path) as tmp, (open(tmp, "wb") if binary else
                                    open(tmp, "w", encoding=encoding, newline=newline)) as out:
        yield out


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """Build a folder in a temporary folder beside `path`, then swap it into place.

    An existing `path` is replaced only if it is empty or holds nothing but what this tool wrote there,
    unchanged (its MANIFEST says which files, and their checksums): a signed PDF, a scan or an edited
    certificate saved in it makes the run stop before anything is written.
    """
    path = Path(path)
    _check_parent(path)
    previous = _previous_output(path)
    try:
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    except OSError as exc:
        raise CourseError(f"{path}: cannot write in {path.parent}: {exc.strerror}") from None
    try:
        yield tmp
        files = {p.name: _checksum(p) for p in sorted(tmp.iterdir())}
        (tmp / MANIFEST).write_text(json.dumps({"written_by": "course certificates", "files": files}, indent=1),
                                    encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())
        if previous is None:
            os.replace(tmp, path)
        else:           # two renames: the old folder stays whole until the new one is in place
            old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
            os.replace(path, old / "previous")
            os.replace(tmp, path)
            _remove_written(old / "previous", previous)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _previous_output(path: Path) -> dict[str, str] | None:
    """What an earlier run wrote in `path` (name -> checksum), {} for an empty folder, None if there is no
    folder; CourseError if the folder holds anything else."""
    if not path.exists():
        return None
    if not path.is_dir():
        raise CourseError(f"{path}: exists and is not a folder; choose a folder name for the certificates")
    entries = sorted(p.name for p in path.iterdir())
    if not entries:
        return {}
    try:
        written = json.loads((path / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise CourseError(f"{path}: the folder is not empty and was not written by `course certificates`; "
                          "choose a new or empty folder") from None
    foreign = [name for name in entries if name != MANIFEST and name not in written]
    changed = [name for name in entries if name in written
               and (not (path / name).is_file() or _checksum(path / name) != written[name])]
    if foreign or changed:
        listed = ", ".join((foreign + changed)[:5]) + (" …" if len(foreign + changed) > 5 else "")
        raise CourseError(f"{path}: holds files that `course certificates` did not write, or changed since "
                          f"({listed}); the grader never replaces them: move them out, or choose another folder")
    return written


def _remove_written(folder: Path, written: dict[str, str]) -> None:
    """Delete the files an earlier run wrote, then their folder (kept if anything else appeared there)."""
    for name in [*written, MANIFEST]:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
        folder.parent.rmdir()


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_parent(path: Path) -> None:
    if not path.parent.is_dir():
        raise CourseError(f"{path}: cannot write: the folder {path.parent} does not exist")
