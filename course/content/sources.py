"""The source documents and how a fact cites them."""

from __future__ import annotations

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
