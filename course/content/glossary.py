"""The glossary (course/content/glossary.yml): terms and acronyms, each with its source."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .sources import Citation, Document, documents, read_citation
from .yamlfile import Fields, load_yaml


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    source: Citation | None         # None only for the course's own definitions (course_own: true)
    short: str | None = None        # the acronym, e.g. "ECOWAS"; pages show its expansion on use
    course_own: bool = False        # a word no source defines: computing words, the group work's fictional names

    @property
    def name(self) -> str:
        """What a trainee looks up: the acronym if there is one, else the term."""
        return self.short or self.term

    @property
    def sort_key(self) -> str:
        """The name without accents, lower-case: French dictionaries file « Évaluation » under E."""
        return "".join(c for c in unicodedata.normalize("NFD", self.name.lower()) if not unicodedata.combining(c))

    @property
    def letter(self) -> str:
        """The letter of the glossary's A to Z index the term is filed under."""
        return self.sort_key[:1].upper()

    @property
    def anchor(self) -> str:
        """A stable id for links to the entry on the glossary page."""
        return "term-" + re.sub(r"[\W_]+", "-", self.name.lower()).strip("-")     # accented letters kept


def load_glossary(path: Path = Path(__file__).parent / "glossary.yml",
                  sources: dict[str, Document] | None = None, lang: str = "en") -> tuple[Term, ...]:
    """Terms in alphabetical order of their name; duplicates and missing sources are errors."""
    sources = sources if sources is not None else documents()
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "", {"terms"})
    terms, seen = [], {}
    for where, raw in f.items(top, "terms", ""):
        d = f.mapping(raw, where, {"term", "short", "definition", "source", "course_own"})
        name = f.text(d, "term", where)
        short = f.text(d, "short", where, optional=True)
        own = f.get(d, "course_own", bool, where, optional=True, default=False)
        if own and "source" in d:
            f.problem(f"{where}.source", "a definition is either the course's own (course_own: true) or has a source, not both")
        source = None if own else read_citation(f, f.get(d, "source", dict, where, default={}), f"{where}.source", sources)
        for key in filter(None, (name, short)):
            if key.lower() in seen:
                f.problem(f"{where}.{'short' if key == short else 'term'}", f"duplicate term {key!r} (also in {seen[key.lower()]})")
            seen[key.lower()] = where
        terms.append(Term(name, f.text(d, "definition", where), source, short, bool(own)))
    f.raise_if_any()
    return tuple(sorted(terms, key=lambda t: (t.sort_key, t.name.lower())))


# Left as they are: code and scripts, acronyms already expanded, headings (titles that tests and the
# table of contents read as plain text) and form labels and buttons (controls keep a plain name).
_KEEP = {"abbr", "code", "pre", "script", "style", "textarea", "title", "kbd",
         "h1", "h2", "h3", "h4", "h5", "h6", "label", "button", "option"}
# Expanded but not linked: a link may not sit inside another link or a control.
_NO_LINK = {"a", "summary"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def expand_acronyms(html: str, terms: tuple[Term, ...], glossary_url: str | None = None) -> str:
    """Wrap every use of a glossary acronym in the page's text in <abbr title="expansion">.

    With `glossary_url` (the glossary page, relative to this page), each acronym's first use on the page
    that can hold a link also links to its glossary entry: a keyboard or touch user reaches the
    expansion there (and course.css shows it on keyboard focus), where a mouse user hovers the <abbr>.
    Works on rendered HTML, so quizzes and checklists (raw HTML in the Markdown) are covered too.
    """
    by_short = {escape(t.short, quote=False): t for t in terms if t.short}
    if not by_short:
        return html
    names = "|".join(re.escape(s) for s in sorted(by_short, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w&/-])({names})(s?)(?![\w/-]|&(?!amp;))")
    linked: set[str] = set()
    out, kept, no_link = [], [], []

    def wrap(m: re.Match) -> str:
        term = by_short[m.group(1)]
        abbr = f'<abbr title="{escape(term.term)}">{m.group(1)}{m.group(2)}</abbr>'
        if glossary_url is None or no_link or term.short in linked:
            return abbr
        linked.add(term.short)
        return f'<a class="course-term" href="{glossary_url}#{term.anchor}">{abbr}</a>'

    for part in _TAG.split(html):
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            tag = name.group(1).lower() if name else ""
            for tags, stack in ((_KEEP, kept), (_NO_LINK, no_link)):
                if tag in tags and not part.endswith("/>"):
                    if part.startswith("</"):
                        if tag in stack:
                            stack.remove(tag)
                    else:
                        stack.append(tag)
            out.append(part)
        elif kept or not part.strip():
            out.append(part)
        else:
            out.append(pattern.sub(wrap, part))
    return "".join(out)
