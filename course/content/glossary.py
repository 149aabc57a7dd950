"""The glossary (course/content/glossary.yml): terms and acronyms, each with its source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .sources import Citation, Document, documents, read_citation
from .yamlfile import Fields, load_yaml


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    source: Citation


def load_glossary(path: Path = Path(__file__).parent / "glossary.yml",
                  sources: dict[str, Document] | None = None) -> tuple[Term, ...]:
    """Terms in alphabetical order; duplicates and missing sources are errors."""
    sources = sources if sources is not None else documents()
    f = Fields(path)
    top = f.mapping(load_yaml(path), "", {"terms"})
    terms, seen = [], set()
    for where, raw in f.items(top, "terms", ""):
        d = f.mapping(raw, where, {"term", "definition", "source"})
        name = f.get(d, "term", str, where)
        if name and name.lower() in seen:
            f.problem(f"{where}.term", f"duplicate term {name!r}")
        seen.add(name.lower() if name else name)
        terms.append(Term(name, f.get(d, "definition", str, where),
                          read_citation(f, f.get(d, "source", dict, where, default={}), f"{where}.source", sources)))
    f.raise_if_any()
    return tuple(sorted(terms, key=lambda t: t.term.lower()))
