"""How a built page reads: sentence lengths and the share of its words taken by citations.

Shared by tests/test_reading.py (which holds the modules to the limits) and bench/reading.py
(which prints the figures for any built site, also one built from an older commit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from sentencex import segment

from course.content.sources import documents

# Not running prose: code, tables, quotations set apart (a source's words, kept verbatim), interactive
# parts (checklists, quizzes), data-driven tools, source lines and lists, the module's week/time line,
# headings and permalinks.
SKIP = ("pre", "code", "table", "blockquote", "fieldset", "form", "script",
        "h1", "h2", "h3", "h4", "h5", "h6",
        ".course-tool", ".course-sources", ".course-source", ".course-module-intro", ".headerlink",
        ".md-source-file")
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def words(text: str) -> int:
    return len(WORD.findall(text))


def is_citation(tag) -> bool:
    """The compact marker, or the long italic "(Document, place)" of builds before it."""
    if "course-cite" in (tag.get("class") or []):
        return True
    if tag.name != "em":
        return False
    text = " ".join(tag.get_text().split())
    return (text.startswith("(") and text.endswith(")")
            and any(d.short in text for d in documents().values()))


@dataclass(frozen=True)
class Reading:
    page: str
    sentences: tuple[str, ...]
    citation_words: int

    @property
    def words(self) -> int:
        return sum(words(s) for s in self.sentences)

    @property
    def average(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def longest(self) -> str:
        return max(self.sentences, key=words, default="")

    @property
    def citation_share(self) -> float:
        """Citation words as a share of all the words in the page's paragraphs and list items."""
        total = self.words + self.citation_words
        return self.citation_words / total if total else 0.0

    def over(self, limit: int) -> list[str]:
        return [s for s in self.sentences if words(s) > limit]


def reading(html: str, page: str = "") -> Reading:
    """The sentences of a page's paragraphs and list items (each list item on its own), citations apart."""
    article = BeautifulSoup(html, "html.parser").select_one("article") or BeautifulSoup(html, "html.parser")
    for tag in article.select(",".join(SKIP)):
        tag.decompose()
    citation_words = 0
    for tag in article.find_all(is_citation):
        citation_words += words(tag.get_text())
        tag.decompose()
    sentences = []
    for block in article.find_all(["p", "li"]):
        text = " ".join(own_text(block).split())
        sentences += [s.strip() for s in segment("en", text) if words(s)]
    return Reading(page, tuple(sentences), citation_words)


def own_text(block) -> str:
    """A block's text without the paragraphs and lists inside it, which are blocks of their own."""
    parts = []
    for node in block.descendants:
        if isinstance(node, NavigableString) and not any(
                parent.name in ("p", "li", "ul", "ol") for parent in _parents_below(node, block)):
            parts.append(str(node))
    return "".join(parts)


def _parents_below(node, block):
    parent = node.parent
    while parent is not None and parent is not block:
        yield parent
        parent = parent.parent


# The pages a trainee reads as course text, as built (paths inside site/).
READING_PAGES = ("modules/*.html", "coherence/*.html", "case-studies/*.html", "group-work.html",
                 "final-assignment.html")


def reading_pages(site: Path) -> list[Path]:
    return sorted(p for pattern in READING_PAGES for p in site.glob(pattern))


def table(readings: list[Reading]) -> str:
    """The figures, one page a line."""
    lines = [f"{'page':42} {'sentences':>9} {'avg words':>9} {'longest':>7} {'> 35':>5} {'citations':>9}"]
    for r in readings:
        lines.append(f"{r.page:42} {len(r.sentences):9} {r.average:9.1f} {words(r.longest):7} "
                     f"{len(r.over(35)):5} {r.citation_share:9.1%}")
    return "\n".join(lines)
