"""Shared checklists (course/content/checklists/*.yml): one file each, used by any page through a macro."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseDataError
from .sources import Citation, Document, documents, read_citation
from .yamlfile import Fields, load_yaml

CHECKLISTS = Path(__file__).parent / "checklists"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str               # the question or action, as the trainee ticks it
    detail: str | None      # optional guidance under it


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    intro: str | None
    source: Citation
    items: tuple[ChecklistItem, ...]


def load_checklist(path: Path, sources: dict[str, Document] | None = None, lang: str = "en") -> Checklist:
    """Load one checklist file; its id is the file name, so ids can't collide."""
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    d = f.mapping(load_yaml(path), "", {"title", "intro", "source", "items"})
    cid = path.stem
    if not _ID.match(cid):
        f.problem("(file name)", "must be lower-case words joined by hyphens, e.g. step-1-parameters.yml")
    items, seen = [], set()
    for where, raw in f.items(d, "items", ""):
        item = f.mapping(raw, where, {"id", "text", "detail"})
        iid = f.get(item, "id", str, where)
        if iid is not None and not _ID.match(iid):
            f.problem(f"{where}.id", f"{iid!r} must be lower-case words joined by hyphens")
        if iid in seen:
            f.problem(f"{where}.id", f"duplicate item id {iid!r}")
        seen.add(iid)
        items.append(ChecklistItem(iid, f.text(item, "text", where), f.text(item, "detail", where, optional=True)))
    if not items and "items" in d:
        f.problem("items", "must list at least one item")
    source = read_citation(f, f.get(d, "source", dict, "", default={}), "source", sources) if "source" in d else None
    if "source" not in d:
        f.problem("source", "is missing")
    checklist = Checklist(cid, f.text(d, "title", ""), f.text(d, "intro", "", optional=True), source,
                          tuple(items))
    f.raise_if_any()
    return checklist


def load_checklists(folder: Path = CHECKLISTS, sources: dict[str, Document] | None = None, lang: str = "en") -> dict[str, Checklist]:
    """All checklists by id; every problem in every file is reported together."""
    sources = sources if sources is not None else documents()
    checklists, problems = {}, []
    for path in sorted(folder.glob("*.yml")):
        try:
            checklists[path.stem] = load_checklist(path, sources, lang=lang)
        except CourseDataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CourseDataError(problems)
    return checklists
