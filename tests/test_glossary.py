"""The glossary (SHARED-SPECS 8): every acronym used on two or more pages is defined with a source, shown with
its expansion where a page first uses it, and reachable from an A to Z index."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup, NavigableString

from course.content.glossary import load_glossary

# An acronym: a word of capitals (digits, "&" and hyphenated parts allowed, one small letter at most, as in
# "CNIg"), an ILO project code such as GLO/06/57/UKM, or an instrument number such as C97 or R151.
TOKEN = re.compile(r"\b[A-Z]{2,}(?:/\d+)+/[A-Z]+\b|\b[A-Z][A-Za-z0-9&]*(?:-[A-Za-z0-9]+)*\b")
INSTRUMENT = re.compile(r"^[CR]\d{2,3}$")


def acronym(token: str) -> str | None:
    """The acronym a token stands for ("MOUs" -> "MOU"), or None for an ordinary word."""
    if INSTRUMENT.match(token) or "/" in token:
        return token
    if token.endswith("s") and sum(c.isupper() for c in token[:-1]) >= 2:
        token = token[:-1]
    upper, lower = sum(c.isupper() for c in token), sum(c.islower() for c in token)
    return token if upper >= 2 and lower <= 1 and not re.fullmatch(r"[IVXL]+", token) else None


def article_of(path) -> BeautifulSoup | None:
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
    if article is not None:
        for tag in article.select("script, code, pre"):
            tag.decompose()
    return article


def acronyms_in(text: str) -> set[str]:
    return {a for a in map(acronym, TOKEN.findall(text)) if a}


@pytest.fixture(scope="module")
def uses(site, pages) -> dict[str, set[str]]:
    """Acronym -> the pages that use it (the glossary page itself does not count)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in pages:
        page = str(path.relative_to(site))
        article = article_of(path)
        if article is None or page == "glossary.html":
            continue
        for a in acronyms_in(article.get_text(" ")):
            found[a].add(page)
    return found


def test_every_acronym_on_two_or_more_pages_is_in_the_glossary(uses):
    defined = {t.short for t in load_glossary() if t.short} | {t.term for t in load_glossary()}
    missing = {a: sorted(p) for a, p in uses.items() if len(p) >= 2 and a not in defined}
    assert not missing, "acronyms used on two or more pages but not in course/content/glossary.yml: " + "; ".join(
        f"{a} ({', '.join(p[:3])}{', ...' if len(p) > 3 else ''})" for a, p in sorted(missing.items()))


def test_the_scan_finds_acronyms_and_skips_words():
    assert acronyms_in("The ECOWAS and SADC MOUs, M&E, COVID-19, C97, R151, CNIg and GLO/06/57/UKM.") == {
        "ECOWAS", "SADC", "MOU", "M&E", "COVID-19", "C97", "R151", "CNIg", "GLO/06/57/UKM"}
    assert acronyms_in("Step II of The Guide, in Annex IV, says Nigeria's policy is Good.") == set()


def test_every_glossary_entry_has_a_source_or_says_it_is_the_course_own(site):
    soup = BeautifulSoup((site / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    for term in load_glossary():
        entry = soup.find(id=term.anchor)
        assert entry is not None, f"{term.name}: not on the glossary page"
        text = " ".join(entry.find_parent("dt").find_next_sibling("dd").get_text(" ").split())
        assert ("Source: " in text) if term.source else ("The course's own definition." in text), term.name


def test_the_glossary_page_has_an_a_to_z_index(site):
    soup = BeautifulSoup((site / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    index = soup.select_one("nav.course-glossary-index")
    assert index is not None
    letters = sorted({t.name[0].upper() for t in load_glossary()})
    assert [a.get_text() for a in index.select("a")] == letters
    for letter in letters:
        assert soup.find(id=f"letter-{letter.lower()}") is not None, letter


def first_use(article, short: str):
    """The first text node of a page's prose (not a heading, form label or button) that uses the acronym."""
    pattern = re.compile(rf"(?<![\w&/-]){re.escape(short)}(?![\w&/-])")
    for node in article.find_all(string=True):
        if isinstance(node, NavigableString) and pattern.search(node) and not node.find_parent(NOT_PROSE):
            return node
    return None


NOT_PROSE = ["h1", "h2", "h3", "h4", "h5", "h6", "label", "button", "option"]


def test_first_use_on_each_page_shows_the_expansion(site, pages):
    problems = []
    for path in pages:
        article = article_of(path)
        if article is None:
            continue
        for term in (t for t in load_glossary() if t.short):
            node = first_use(article, term.short)
            if node is None:
                continue
            abbr = node.find_parent("abbr")
            if abbr is None or abbr.get("title") != term.term:
                problems.append(f"{path.relative_to(site)}: {term.short} first used without its expansion "
                                f"(in <{node.parent.name}>)")
    assert not problems, "\n".join(problems)


def test_module_pages_link_to_the_glossary(site):
    from course.content.definition import load_course

    for activity in load_course().activities("module"):
        soup = BeautifulSoup((site / activity.page.replace(".md", ".html")).read_text(encoding="utf-8"), "html.parser")
        intro = soup.select_one(".course-module-intro")
        assert any(a.get("href", "").endswith("glossary.html") for a in intro.select("a")), activity.id


def test_expansion_wraps_uses_in_text_and_leaves_code_and_markup_alone():
    from course.content.glossary import Term, expand_acronyms

    terms = (Term("Economic Community of West African States", "d", None, "ECOWAS"),
             Term("Monitoring and evaluation", "d", None, "M&E"),
             Term("International Labour Organization", "d", None, "ILO"),
             Term("International Training Centre of the ILO", "d", None, "ITC-ILO"))
    html = ('<p title="ECOWAS">ECOWAS, M&amp;E and ITC-ILO.</p><legend>ILO question</legend>'
            '<h2>ECOWAS</h2><label>ILO</label><code>ECOWAS</code><script>var ILO = 1;</script><p>ECOWASX</p>')
    assert expand_acronyms(html, terms) == (
        '<p title="ECOWAS"><abbr title="Economic Community of West African States">ECOWAS</abbr>, '
        '<abbr title="Monitoring and evaluation">M&amp;E</abbr> and '
        '<abbr title="International Training Centre of the ILO">ITC-ILO</abbr>.</p>'
        '<legend><abbr title="International Labour Organization">ILO</abbr> question</legend>'
        '<h2>ECOWAS</h2><label>ILO</label><code>ECOWAS</code><script>var ILO = 1;</script><p>ECOWASX</p>')


def test_the_first_use_that_can_hold_a_link_links_to_the_glossary_entry():
    """Keyboard and touch users cannot hover an <abbr>: one link per acronym and page takes them to its entry."""
    from course.content.glossary import Term, expand_acronyms

    terms = (Term("International Labour Organization", "d", None, "ILO"),
             Term("Memorandum of understanding", "d", None, "MOU"))
    html = ('<p><a href="x.html">ILO</a> and <summary>MOUs</summary></p>'
            '<p>ILO, MOUs and ILO again.</p>')
    assert expand_acronyms(html, terms, "../glossary.html") == (
        '<p><a href="x.html"><abbr title="International Labour Organization">ILO</abbr></a> and '
        '<summary><abbr title="Memorandum of understanding">MOUs</abbr></summary></p>'
        '<p><a class="course-term" href="../glossary.html#term-ilo">'
        '<abbr title="International Labour Organization">ILO</abbr></a>, '
        '<a class="course-term" href="../glossary.html#term-mou">'
        '<abbr title="Memorandum of understanding">MOUs</abbr></a> and '
        '<abbr title="International Labour Organization">ILO</abbr> again.</p>')


def test_every_acronym_link_leads_to_its_entry_once_a_page(site, pages):
    glossary = BeautifulSoup((site / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    terms = {t.anchor: t for t in load_glossary() if t.short}
    problems, linked_pages = [], 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = soup.select("a.course-term")
        linked_pages += bool(links)
        targets = [link["href"].split("#")[1] for link in links]
        if len(targets) != len(set(targets)):
            problems.append(f"{path.relative_to(site)}: an acronym linked twice")
        for link, target in zip(links, targets):
            if not link["href"].endswith(f"glossary.html#{target}") or glossary.find(id=target) is None:
                problems.append(f"{path.relative_to(site)}: {link['href']} is no glossary entry")
            elif terms[target].term not in glossary.find(id=target).parent.get_text():
                problems.append(f"{path.relative_to(site)}: {link['href']} does not show the expansion")
    assert linked_pages > 20 and not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_keyboard_and_touch_users_reach_an_acronyms_expansion(site, offline, width):
    from conftest import shown_at_the_foot

    terms = {t.short: t for t in load_glossary() if t.short}
    page = offline.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto((site / "modules" / "step-4.html").as_uri())
    link = page.locator("a.course-term").first
    short = link.inner_text()
    term = terms.get(short) or terms[short.removesuffix("s")]
    link.scroll_into_view_if_needed()
    assert shown_at_the_foot(link) == ""
    link.focus()
    assert shown_at_the_foot(link) == term.term       # keyboard: on focus
    link.click()                                       # touch: a tap opens the entry
    page.wait_for_url(f"**/glossary.html#{term.anchor}")
    assert term.term in page.locator(f"[id='{term.anchor}']").locator("xpath=..").inner_text()
    assert not offline.blocked and not offline.errors


def test_the_french_glossary_files_accented_terms_under_their_plain_letter(site_fr):
    """A French reader looks for « Égalité » under E, between D and F, as in a dictionary."""
    soup = BeautifulSoup((site_fr / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    letters = [a.get_text() for a in soup.select_one("nav.course-glossary-index").select("a")]
    assert letters == sorted(letters) and all("A" <= letter <= "Z" for letter in letters), letters
    french = load_glossary(lang="fr")
    accented = [t for t in french if t.name[0] in "ÉÈÊÀÂÎÔÛÇéèêàâîôûç"]
    assert accented, "the oracle needs a French term that starts with an accented letter"
    plain = {"É": "E", "È": "E", "Ê": "E", "À": "A", "Â": "A", "Î": "I", "Ô": "O", "Û": "U", "Ç": "C"}
    for term in accented:
        heading = soup.find(id=term.anchor).find_previous("h2")
        assert heading.get("id") == f"letter-{plain[term.name[0].upper()].lower()}", (term.name, heading)
