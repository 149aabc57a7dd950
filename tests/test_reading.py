"""Plain reading on the built pages: sentence lengths, the share of citations, the compact source marker."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import BuildError, build_site, copy_project, shown_at_the_foot
from reading import reading, reading_pages, table, words

from course.content.definition import load_course
from course.content.sources import documents, short_place

AVERAGE_MAX = 20        # words a sentence, on average over a page (STYLE.md, "The writing")
SENTENCE_MAX = 35       # words in any one sentence
CITATION_SHARE_MAX = 0.10   # compact markers keep citations under a tenth of a page's words (were 8-22 %)



@pytest.fixture(scope="module")
def readings(site):
    return {str(p.relative_to(site)): reading(p.read_text(encoding="utf-8"), str(p.relative_to(site)))
            for p in reading_pages(site)}


def test_print_the_figures(readings, capsys):
    with capsys.disabled():
        print("\n" + table(list(readings.values())))


def test_every_module_page_is_measured(readings):
    for activity in load_course().activities("module"):
        assert activity.page.replace(".md", ".html") in readings, f"{activity.page} is not measured"


@pytest.mark.parametrize("limit", ["average", "longest", "citations"])
def test_pages_read_plainly(readings, limit):
    problems = []
    for page, r in readings.items():
        if limit == "average" and r.average > AVERAGE_MAX:
            problems.append(f"{page}: {r.average:.1f} words a sentence on average (at most {AVERAGE_MAX})")
        if limit == "longest":
            problems += [f"{page}: {words(s)} words: {s}" for s in r.over(SENTENCE_MAX)]
        if limit == "citations" and r.citation_share > CITATION_SHARE_MAX:
            problems.append(f"{page}: citations are {r.citation_share:.1%} of the words")
    assert not problems, "\n".join(problems)


# --- the measure itself, against figures counted by hand ---

PAGE = """<html><body><nav><p>Menu words that are not counted at all here.</p></nav><article>
<h1>Title words not counted</h1>
<p>One two three four five. Six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen <a class="course-cite" href="#source-1" title="x">[001, Step 1, Box 3]</a>.</p>
<ul><li>Alpha beta gamma<ul><li>delta epsilon</li></ul></li></ul>
<table><tr><td>Table words are not prose at all.</td></tr></table>
<pre><code>code words skipped</code></pre>
<p>Older pages cited like this <em>(ILO Practical Guide on Developing Labour Migration Policies, Step 2)</em>.</p>
</article></body></html>"""


def test_the_measure_counts_sentences_words_and_citations():
    r = reading(PAGE)
    assert [words(s) for s in r.sentences] == [5, 12, 3, 2, 5]
    assert r.average == 27 / 5
    assert words(r.longest) == 12
    citation_words = 5 + 10      # "[001, Step 1, Box 3]" and the old italic reference
    assert r.citation_share == citation_words / (27 + citation_words)


def test_a_long_sentence_is_caught():
    long = " ".join(["word"] * 36) + "."
    assert reading(f"<article><p>{long} Short one.</p></article>").over(SENTENCE_MAX) == [long]


# --- the compact source marker ---

def test_short_place_keeps_numbered_parts_and_drops_titles():
    assert short_place("Section 1, Rationale for and definition of labour migration policy") == "§1"
    assert short_place("Step 4, Case study 7 (Sri Lanka)") == "Step 4, Case study 7"
    assert short_place("Step 1, Box 3") == "Step 1, Box 3"
    assert short_place("Step 4, section 4.4.1, Box 9") == "§4.4.1, Box 9"
    assert short_place("Section 4.2.1, box: The Sri Lanka National Labour Migration Policy") == "§4.2.1"
    assert short_place("Sections 4.1 and 6.1.1") == "§§4.1 and 6.1.1"
    assert short_place("Lessons learnt") == "Lessons learnt"


def test_every_marker_links_to_its_full_reference_on_the_page(site, pages):
    checked = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        markers = soup.select("a.course-cite")
        listed = soup.select(".course-sources li[id]")
        assert len({li["id"] for li in listed}) == len(listed), f"{path}: a source is listed twice"
        for a in markers:
            target = soup.find(id=a["href"].removeprefix("#"))
            assert target is not None and target.name == "li", f"{path}: {a} links to no listed source"
            document = target.find_parent("li").strong.get_text()
            place = target.get_text()
            assert a.get_text() == f"[{document}, {short_place(place)}]"
            assert a["title"] == f"{documents()[document].full}: {place}"
            assert words(a.get_text()) <= 8, f"{path}: marker {a.get_text()!r} is not compact"
            checked += 1
        assert {li["id"] for li in listed} == {a["href"][1:] for a in markers}, \
            f"{path}: the Sources list and the markers differ"
    assert checked > 300


def test_a_page_that_cites_without_a_sources_list_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "modules" / "step-5.md"
    page.write_text(re.sub(r"\{\{ page_sources\(\) \}\}", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(BuildError, match=r"modules/step-5.md: it cites sources .* but lists none"):
        build_site(tmp_path / "site", project)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_the_full_reference_shows_on_keyboard_focus(site, offline, width):
    """A mouse user reads a marker's full reference in its title; a keyboard user sees it on focus."""
    page = offline.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto((site / "modules" / "foundations.html").as_uri())
    marker = page.locator("a.course-cite").first
    document = documents()[marker.inner_text().strip("[]").split(",")[0]]
    full = marker.get_attribute("title")
    assert full.startswith(document.full + ": ")
    marker.scroll_into_view_if_needed()
    assert shown_at_the_foot(marker) == ""
    marker.focus()
    assert marker.evaluate("m => m.matches(':focus-visible')")
    assert shown_at_the_foot(marker) == full
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not offline.blocked and not offline.errors
