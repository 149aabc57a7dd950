"""MkDocs hook: what the search index leaves out, so that search starts fast on an old laptop.

Material indexes every section; a section whose heading carries data-search-exclude is skipped.
Left out: each page's "Sources" list (the same five ILO documents on every page). Quiz questions are
left out by the quiz macro itself (its form carries data-search-exclude).
"""

from __future__ import annotations

import re

LEFT_OUT_SECTIONS = ("sources",)          # heading ids
_HEADING = re.compile(r'<h([1-6]) id="(%s)"' % "|".join(LEFT_OUT_SECTIONS))


def on_page_content(html, page, config, files):
    return _HEADING.sub(r'<h\1 id="\2" data-search-exclude', html)
