"""The source documents and how a fact cites them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .yamlfile import Fields, load_yaml

DATA = Path(__file__).parent


@dataclass(frozen=True)
class Document:
    key: str
    short: str
    full: str


@dataclass(frozen=True)
class Citation:
    """A source document and the place in it (section, box, table or case study)."""

    document: Document
    where: str

    def __str__(self) -> str:
        return f"{self.document.short}, {self.where}"

    @property
    def marker(self) -> str:
        """The compact in-text reference, e.g. "001, Step 1, Box 3" for "Step 1, Box 3"."""
        return f"{self.document.key}, {short_place(self.where)}"


# A part of a place that names a numbered unit: "Box 3", "section 6.1", "Case Study 1", "Log frame 2006-07".
_NUMBERED = re.compile(r"^(?:[A-Za-z]+(?: [A-Za-z]+)? )?[0-9][\w.\-]*$")


def short_place(where: str) -> str:
    """The first part of a place and the numbered parts after it, without titles in words; sections as §.

    "Section 1, Rationale for and definition of labour migration policy" -> "§1";
    "Step 4, Case study 7 (Sri Lanka)" -> "Step 4, Case study 7"; "Step 2, section 2.1" -> "§2.1".
    """
    parts = re.split(r"([,;] )", where)
    kept = [_untitled(parts[0])]
    for separator, part in zip(parts[1::2], parts[2::2]):
        if not _NUMBERED.match(_untitled(part)):
            break
        kept += [separator, _untitled(part)]
    short = re.sub(r"\b[Ss]ections? (?=\d)", lambda m: "§§" if m.group().lower().startswith("sections") else "§",
                   "".join(kept))
    return re.sub(r"^Step \d+, (?=§)", "", short)      # the section number already names the step


def _untitled(part: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", part)


def documents(path: Path = DATA / "sources.yml") -> dict[str, Document]:
    """The source documents by key (\"001\" …), from sources.yml."""
    fields = Fields(path)
    data = fields.mapping(load_yaml(path), "")
    docs = {}
    for key, value in data.items():
        entry = fields.mapping(value, str(key), {"short", "full"})
        docs[str(key)] = Document(str(key), fields.get(entry, "short", str, str(key)),
                                  fields.get(entry, "full", str, str(key)))
    fields.raise_if_any()
    return docs


def read_citation(fields: Fields, value, where: str, docs: dict[str, Document]) -> Citation | None:
    """Read a `source: {document: "001", where: "Step 1, Box 3"}` field against the known documents."""
    data = fields.mapping(value, where, {"document", "where"})
    key = fields.get(data, "document", str, where)
    place = fields.get(data, "where", str, where)
    if key is not None and key not in docs:
        fields.problem(f"{where}.document", f"unknown source document {key!r} (known: {', '.join(docs)})")
        return None
    if key is None or place is None:
        return None
    return Citation(docs[key], place)
