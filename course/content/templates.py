"""Planning templates (course/content/templates.yml): the course's own results chain, action plan and M&E
framework, built on what the ILO guide says each should contain."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .sources import Citation, Document, documents, read_citation
from .languages import LANGUAGES, SOURCE
from .yamlfile import Fields, load_yaml

TEMPLATES = Path(__file__).parent / "templates.yml"


@dataclass(frozen=True)
class Column:
    name: str
    guidance: str           # what to write in it


@dataclass(frozen=True)
class PlanningTemplate:
    id: str
    title: str
    intro: str
    basis: Citation          # where the guide describes what the template should hold
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]   # fixed rows (first cells given), or empty rows to fill in
    example: tuple[tuple[str, ...], ...]  # the course's own filled-in example
    example_columns: tuple[str, ...]      # the columns the example fills (all, unless given)


def _cells(f: Fields, value, where: str, width: int) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        f.problem(where, "must be a list of texts")
        return None
    count = len(f.problems)
    cells = [f.translated(c, f"{where}[{i}]") for i, c in enumerate(value)]
    if len(f.problems) > count:         # a cell with no text in this language: already named
        return None
    if not all(isinstance(c, str) and c.strip() for c in cells):
        f.problem(where, "must be a list of texts")
        return None
    if len(cells) > width:
        f.problem(where, f"has {len(cells)} cells but the template has {width} columns")
        return None
    return tuple(c.strip() for c in cells)


def _is_text(value) -> bool:
    """A cell: plain text, or a text in each language ({en: ..., fr: ...})."""
    return isinstance(value, str) or isinstance(value, dict) and bool(value) and set(value) <= set(LANGUAGES)


def _source_name(column) -> object:
    """A column's name in the source language: example_columns name columns by it, in every language."""
    name = column.get("name") if isinstance(column, dict) else None
    return name.get(SOURCE) if isinstance(name, dict) else name


def load_templates(path: Path = TEMPLATES, sources: dict[str, Document] | None = None, lang: str = "en") -> dict[str, PlanningTemplate]:
    """The planning templates by id."""
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    data = f.mapping(load_yaml(path), "")
    templates = {}
    for tid, raw in data.items():
        tid = str(tid)
        d = f.mapping(raw, tid, {"title", "intro", "basis", "columns", "rows", "blank_rows", "example",
                                      "example_columns"})
        columns = []
        for where, c in f.items(d, "columns", tid):
            c = f.mapping(c, where, {"name", "guidance"})
            columns.append(Column(f.text(c, "name", where), f.text(c, "guidance", where)))
        width = len(columns)
        if "rows" in d and "blank_rows" in d:
            f.problem(tid, "give either rows (fixed rows) or blank_rows (a number), not both")
        rows = [_cells(f, r, w, width) for w, r in f.items(d, "rows", tid, optional=True)]
        blank = f.get(d, "blank_rows", int, tid, optional=True, default=0)
        rows += [()] * blank
        if not rows:
            f.problem(tid, "needs rows or blank_rows")
        names = [c.name for c in columns]
        source_names = [_source_name(c) for c in d.get("columns") or []]
        example_columns = d.get("example_columns") or source_names
        if not isinstance(example_columns, list) or any(n not in source_names for n in example_columns):
            f.problem(f"{tid}.example_columns", f"must name columns of the template ({', '.join(map(str, source_names))})")
            example_columns = source_names
        example_columns = [names[source_names.index(n)] for n in example_columns] if len(names) == len(source_names) \
            else names
        example = d.get("example")
        if isinstance(example, list) and example and all(_is_text(r) for r in example):
            example = [example]            # one example line, written as a flat list
        examples = [_cells(f, r, f"{tid}.example[{i}]", len(example_columns)) for i, r in enumerate(example or [])]
        if not examples:
            f.problem(f"{tid}.example", "is missing: give one filled-in example")
        basis = read_citation(f, d.get("basis"), f"{tid}.basis", sources) if d.get("basis") is not None else None
        if basis is None and d.get("basis") is None:
            f.problem(f"{tid}.basis", "is missing: cite where the guide describes this template")
        templates[tid] = PlanningTemplate(tid, f.text(d, "title", tid), f.text(d, "intro", tid), basis,
                                          tuple(columns), tuple(r for r in rows if r is not None),
                                          tuple(r for r in examples if r is not None), tuple(example_columns))
    f.raise_if_any()
    return templates
