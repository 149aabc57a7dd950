"""Which French pages exist, which are missing, and which translate an older English text.

    python -m course.translations [ROOT]      (what `make translations` prints)

A French page records the English text it translates in its front matter: `translation_of` is the
first 12 hex digits of the SHA-256 of the English page's text after its front matter. Pages are
`docs/en/<path>.md` ⇄ `docs/fr/<path>.md`; case studies `case_studies/<name>.md` ⇄
`case_studies/fr/<name>.md`.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE_LANGUAGE = "en"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


def body(text: str) -> str:
    """A Markdown page's text after its front matter (the whole text if it has none)."""
    match = _FRONT_MATTER.match(text)
    return text[match.end():] if match else text


def front_matter(text: str) -> dict:
    match = _FRONT_MATTER.match(text)
    data = yaml.safe_load(match.group(1)) if match else None
    return data if isinstance(data, dict) else {}


def source_hash(text: str) -> str:
    """The `translation_of` value for a translation of this English page."""
    return hashlib.sha256(body(text).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Translation:
    """One page of the course in the source language and in `language`, by its path in the site."""
    page: str                       # the path the page has in the built site's docs, e.g. modules/step-1.md
    source: Path | None             # the English file (None: a French page with no English page)
    translation: Path | None        # the French file (None: missing)

    @property
    def state(self) -> str:
        """missing, orphan, untracked (no translation_of), outdated or current."""
        if self.translation is None:
            return "missing"
        if self.source is None:
            return "orphan"
        recorded = front_matter(self.translation.read_text(encoding="utf-8")).get("translation_of")
        if not recorded:
            return "untracked"
        if str(recorded) != source_hash(self.source.read_text(encoding="utf-8")):
            return "outdated"
        return "current"


def page_pairs(root: Path = ROOT, language: str = "fr") -> list[Translation]:
    """Every page of the site and case study, paired with its translation into `language`."""
    pairs = []
    for prefix, source_dir, target_dir, pattern in (
            ("", root / "docs" / SOURCE_LANGUAGE, root / "docs" / language, "**/*.md"),
            ("case-studies/", root / "case_studies", root / "case_studies" / language, "*.md")):
        sources = {p.relative_to(source_dir).as_posix(): p for p in source_dir.glob(pattern)}
        targets = {p.relative_to(target_dir).as_posix(): p for p in target_dir.glob(pattern)} \
            if target_dir.is_dir() else {}
        for name in sorted(sources.keys() | targets.keys()):
            pairs.append(Translation(prefix + name, sources.get(name), targets.get(name)))
    return pairs


def report(pairs: list[Translation], root: Path = ROOT) -> list[str]:
    """One line per page that is not current, worst first."""
    order = ("missing", "orphan", "untracked", "outdated")
    lines = []
    for state in order:
        for pair in pairs:
            if pair.state == state:
                where = (pair.translation or pair.source).relative_to(root).as_posix()
                lines.append(f"{state}: {where}")
    return lines


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    pairs = page_pairs(root)
    lines = report(pairs, root)
    for line in lines:
        print(line)
    current = sum(p.state == "current" for p in pairs)
    print(f"{current} of {len(pairs)} French pages are current")
    # Missing and orphan pages break the French build; outdated ones are only listed (an English fix
    # must not block the build until it is translated).
    return 1 if any(p.state in ("missing", "orphan") for p in pairs) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
