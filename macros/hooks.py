"""MkDocs hooks: mount assets/, quizzes/ and case_studies/ into each language's site, so each lives once,
outside docs/<lang>/; check that every English page has its translation; load the course once per build,
for these hooks and the macros (macros/main.py); build the week-by-week navigation from course.yml;
hand every page the course data its scripts share.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from course.content.languages import NATIVE_NAMES, check_language, draft_translation
from course.content.languages import SOURCE as SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
# Browsers start no Web Worker from file://; this shim (npm, package.json) runs Material's search worker
# in an iframe, importScripts included (French search loads its stemmer so). Its file name keeps
# "iframe-worker", so Material's offline plugin adds no copy of its own from a CDN.
SEARCH_WORKER_SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"

# What each page holds that counts towards progress, found in its rendered HTML (src_uri -> ...).
_CHECKLIST = re.compile(r'<fieldset class="course-checklist" data-checklist="([^"]+)".*?</fieldset>', re.S)
_ITEM = re.compile(r'data-item="([^"]+)"')
_QUIZ = re.compile(r'class="course-quiz" data-quiz="([^"]+)" data-edition="([^"]+)"')
_QUESTION = re.compile(r'class="course-quiz__question"')
_page_parts: dict[str, dict] = {}
_loaded: dict[str, object] = {}        # the course content, read once per build in on_config
# The key of the MkDocs configuration under which on_config hands the course content to the macros.
CONTENT_KEY = "course_content"


def language(config) -> str:
    """The language this build is in (theme.language: mkdocs.yml is English, mkdocs.fr.yml French)."""
    return check_language(str(config.theme["language"] or SOURCE_LANGUAGE))


def on_files(files, config):
    lang = language(config)
    # Scripts and styles live once, in assets/, and serve every language's build.
    for path in sorted((ROOT / "assets").rglob("*")):
        if path.is_file():
            uri = path.relative_to(ROOT).as_posix()
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    if not SEARCH_WORKER_SHIM.is_file():
        raise PluginError(f"{SEARCH_WORKER_SHIM.relative_to(ROOT)} is missing: run `npm ci` (`make install` does)")
    files.append(File.generated(config, "assets/javascripts/iframe-worker.js", abs_src_path=str(SEARCH_WORKER_SHIM)))
    if lang != SOURCE_LANGUAGE:
        _mount_translations(files, config, lang)
    else:
        for path in sorted((ROOT / "case_studies").glob("*.md")):
            files.append(File.generated(config, f"case-studies/{path.name}", abs_src_path=str(path)))
    for path in sorted((ROOT / "quizzes").glob("week-*.yml")):
        # The page is rendered from the YAML by the quiz_page macro, in practice or graded mode.
        files.append(File.generated(config, f"quizzes/{path.stem}.md",
                                    content=f'{{{{ quiz_page("{path.stem}") }}}}\n'))
    return files


def check_translations(lang: str) -> None:
    """Every English page has its translation, and every translated page an English page; in a draft
    build (COURSE_DRAFT_TRANSLATION=1) a missing translation is allowed. Checked first, in on_config."""
    from course.translations import page_pairs

    pairs = page_pairs(ROOT, lang)
    missing = [] if draft_translation() else [p.source.relative_to(ROOT) for p in pairs if p.translation is None]
    orphans = [p.translation.relative_to(ROOT) for p in pairs if p.source is None]
    if missing or orphans:
        raise PluginError(f"The {lang} build needs one page per English page "
                          f"(COURSE_DRAFT_TRANSLATION=1 builds a draft with the English text):"
                          + "".join(f"\n  no {lang} translation of {page}" for page in missing)
                          + "".join(f"\n  {page}: no English page to translate" for page in orphans))


def _mount_translations(files, config, lang: str) -> None:
    """The translated case studies; in a draft build, the English text of a page not yet translated,
    under a visible notice."""
    from course.translations import body, page_pairs

    for pair in page_pairs(ROOT, lang):
        if pair.source is None:
            continue
        if pair.translation is not None:
            if pair.page.startswith("case-studies/") and files.get_file_from_path(pair.page) is None:
                files.append(File.generated(config, pair.page, abs_src_path=str(pair.translation)))
        elif draft_translation():
            text = pair.source.read_text(encoding="utf-8")
            head, rest = text[: len(text) - len(body(text))], body(text)
            if rest.startswith("# "):           # the notice goes under the page's title
                title, _, rest = rest.partition("\n")
                head += title + "\n\n"
            ui = _content().ui
            notice = f'!!! warning "{ui("draft.title")}"\n\n    {ui("draft.notice")}\n\n'
            files.append(File.generated(config, pair.page, content=head + notice + rest))


def _content():
    return _loaded["content"]


def _course():
    return _content().course


def _read_content(lang: str):
    """The whole course in the build's language (course.content.load): every problem in every file at once."""
    from course.content import load
    from course.errors import CourseDataError

    try:
        return load(ROOT, lang)
    except CourseDataError as exc:
        raise PluginError("Invalid course data:\n" + "\n".join(exc.problems)) from None


# --- The trainee's path: week by week, from course.yml -------------------------------------------

def week_sections(course, ui) -> list[dict]:
    """One nav section per week, listing its activities in course order."""
    pages: dict[str, str] = {}
    sections = []
    for week in course.weeks:
        entries = []
        for a in week.activities:
            if a.page is None:
                continue
            if a.page in pages:     # one page per activity, or Next, Previous and progress would be ambiguous
                raise PluginError(f"course.yml: activities {pages[a.page]!r} and {a.id!r} share the page "
                                  f"{a.page}; give each activity its own page")
            pages[a.page] = a.id
            entries.append({a.title: a.page})
        sections.append({ui("week", n=week.number): entries})
    return sections


@event_priority(100)        # before the macros plugin, which renders pages from the content loaded here
def on_config(config):
    _page_parts.clear()
    lang = language(config)
    if lang != SOURCE_LANGUAGE:
        check_translations(lang)        # first, so that a missing page is named before anything else
    content = _loaded["content"] = config[CONTENT_KEY] = _read_content(lang)
    course, ui = content.course, content.ui
    # The language switch (overrides/partials/alternate.html) leads to the same page in the other language.
    (other,) = [code for code in NATIVE_NAMES if code != lang]
    config.extra["other_language"] = {"lang": other, "name": NATIVE_NAMES[other]}
    rest = list(config.nav or [])
    # mkdocs.yml lists only the pages off the trainee's path; the weeks follow its first entry (Home).
    config.nav = rest[:1] + week_sections(course, ui) + rest[1:]
    return config


def trainee_path(course) -> list[str]:
    """The pages in the order a trainee walks them: home, then every activity of every week."""
    return ["index.md"] + [a.page for a in course.activities() if a.page]


def on_nav(nav, config, files):
    """Next and Previous follow the trainee's path; other pages lead only to their neighbours in their section."""
    path = trainee_path(_course())
    by_uri = {p.file.src_uri: p for p in nav.pages}
    walk = [by_uri[uri] for uri in path if uri in by_uri]
    for i, page in enumerate(walk):
        page.previous_page = walk[i - 1] if i else None
        page.next_page = walk[i + 1] if i + 1 < len(walk) else None
    on_path = set(path)
    for section in nav.items:
        pages = [p for p in _pages_in(section) if p.file.src_uri not in on_path]
        for i, page in enumerate(pages):
            page.previous_page = pages[i - 1] if i else None
            page.next_page = pages[i + 1] if i + 1 < len(pages) else None
    return nav


def _pages_in(item) -> list:
    if item.is_page:
        return [item]
    return [p for child in (item.children or []) for p in _pages_in(child)]


# --- Course data for the page's scripts: storage keys, course file format, progress -------------

def on_page_content(html, page, config, files):
    """Remember which checklists and quiz each page holds, for the progress every page shows; and show
    every glossary acronym's expansion where it is used, in prose, quizzes and checklists alike."""
    from course.content.glossary import expand_acronyms

    checklists = [{"id": m.group(1), "items": _ITEM.findall(m.group(0))} for m in _CHECKLIST.finditer(html)]
    quiz = _QUIZ.search(html)
    _page_parts[page.file.src_uri] = {
        "checklists": checklists,
        "quiz": {"key": quiz.group(1), "edition": quiz.group(2), "questions": len(_QUESTION.findall(html))}
        if quiz else None}
    glossary = files.get_file_from_path("glossary.md")
    to_glossary = None if glossary is None or glossary is page.file else glossary.url_relative_to(page.file)
    return expand_acronyms(html, _content().glossary, to_glossary)


def course_data(course, config, page) -> dict:
    """What storage.js, progress.js and the course file read: one definition, handed over as data."""
    from course.content.course_file import COURSE_FILE_FORMAT, COURSE_FILE_VERSION, STORAGE_PREFIX

    activity_of = {a.page: a.id for a in course.activities() if a.page}
    weeks = []
    for w in course.weeks:
        activities = []
        for a in w.activities:
            parts = _page_parts.get(a.page or "", {})
            activities.append({
                "id": a.id, "kind": a.kind, "title": a.title, "hours": a.hours,
                "url": files_url(a.page) if a.page else None,
                "checklists": parts.get("checklists", []), "quiz": parts.get("quiz")})
        weeks.append({"number": w.number, "title": w.title, "activities": activities})
    depth = page.url.count("/")
    return {
        "title": course.title, "edition": course.edition.id, "prefix": STORAGE_PREFIX,
        "file": {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION},
        "mode": str((config.extra or {}).get("quiz_mode") or "practice"),
        "root": "../" * depth, "activity": activity_of.get(page.file.src_uri), "weeks": weeks}


def files_url(src_uri: str) -> str:
    """The built page's URL relative to the site root (use_directory_urls is off: pages open from file://)."""
    return posixpath.splitext(src_uri)[0] + ".html"


def json_element(element_id: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/")      # a title can never close the script element early
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def on_post_page(output, page, config):
    # The course data and the scripts' interface text in the page's language, once per page.
    elements = json_element("course-data", course_data(_course(), config, page)) + \
        json_element("course-ui", _content().ui.script_data())
    return output.replace("</head>", elements + "</head>", 1)


def on_post_template(output, template_name, config):
    # The theme writes the "page not found" page's links from the server's root ("/assets/…"), but each
    # language's site is a folder of its own (site/en/): point them there, for a course served at a root.
    if template_name != "404.html":
        return output
    lang = language(config)
    output = re.sub(r'(href|src)="/(?!/)', rf'\1="/{lang}/', output)
    return output.replace('"base": "/"', f'"base": "/{lang}/"', 1)
