"""The thin MkDocs adapter: turns `course` objects into page content. No course rules live here.

Every macro is a plain function of the `Site` (the course content, the quiz mode, the page being
rendered) and its arguments, registered in a loop by `define_env`: each can be called in a test
without building the site.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import partial
from html import escape
from typing import Any

from course.content import CourseContent, study_time
from course.content.course_file import COURSE_FILE_FORMAT, COURSE_FILE_VERSION, STORAGE_PREFIX
from course.content.definition import Course
from course.content.exercises import answer_key
from course.content.quizzes import ANSWER_FILE_NAME, ANSWER_FORMAT, ANSWER_VERSION
from course.content.sources import Citation
from course.content.ui import Interface
from course.grading.scoresheet import sheet_columns

QUIZ_MODES = ("practice", "graded")    # graded: no key and no explanation anywhere in the site

# The citations of the page being rendered, numbered in order of first use, for its Sources section.
cited: dict[Citation, int] = {}
sources_listed: list[bool] = [False]


def on_pre_page_macros(env):
    cited.clear()
    sources_listed[0] = False


def on_post_page_macros(env):
    if cited and not sources_listed[0]:
        raise ValueError(f"{env.page.file.src_uri}: it cites sources (source() or a checklist) but lists none: "
                         "add a '## Sources' section with {{ page_sources() }}")
    # Every activity page ends with its next step, so pages follow course.yml without being edited.
    uri = env.page.file.src_uri if env.page else ""
    if any(x.page == uri for x in env.variables["course"].activities()):
        env.markdown += "\n\n" + env.macros["next_step"]() + "\n"


def cite(citation: Citation) -> str:
    """The compact marker of a citation, linked to its full reference in the page's Sources section."""
    number = cited.setdefault(citation, len(cited) + 1)
    full = escape(f"{citation.document.full}: {citation.where}", quote=True)
    return (f'<a class="course-cite" href="#source-{number}" title="{full}">'
            f'[{escape(citation.marker)}]</a>')


class Site:
    """What the macros read: the course content, the quiz mode, and the page being rendered.

    (A plain class: mkdocs-macros loads this module outside sys.modules, where dataclasses fail.)
    """

    def __init__(self, content: CourseContent, quiz_mode: str = "practice", env: Any = None,
                 ui: Interface | None = None):
        self.content = content
        self.quiz_mode = quiz_mode
        self.ui = ui or content.ui      # the interface text in the language of the build
        self.env = env                  # mkdocs-macros' environment; its .page is the page being rendered
        self.used_ids: dict[str, int] = {}      # checklist ids used per page, kept unique

    @property
    def course(self) -> Course:
        return self.content.course

    def page_path(self) -> str:
        page = getattr(self.env, "page", None)
        return page.file.src_uri if page else ""

    def link(self, target: str) -> str:
        """A link from the current page to a docs-relative target."""
        return posixpath.relpath(target, posixpath.dirname(self.page_path()) or ".")


def hours(site: Site, n: float) -> str:
    """"1 hour", "2.5 hours" in the build's language."""
    return site.ui.plural("hours", n)


def _colon(site: Site, before: str, after: str) -> str:
    return site.ui("colon", before=before, after=after)


def _listed(site: Site, items) -> str:
    """Items joined by semicolons the language's way (French puts a no-break space before ';')."""
    return site.ui("semicolon", before="", after="").join(items)


def date(site: Site, day) -> str:
    """A date as the language writes it: 05 March 2022, 5 mars 2022."""
    return site.ui("date", day=f"{day:%d}" if site.ui.lang == "en" else str(day.day),
                   month=site.ui(f"month.{day.month}"), year=str(day.year))


def checklist(site: Site, checklist_id: str) -> str:
    """Render a shared checklist as a labelled group of checkboxes whose ticks persist."""
    checklists = site.content.checklists
    if checklist_id not in checklists:
        raise ValueError(f"checklist({checklist_id!r}): no such checklist in course/content/checklists/ "
                         f"(known: {', '.join(sorted(checklists))})")
    c = checklists[checklist_id]
    key = f"{site.page_path()}#{c.id}"
    site.used_ids[key] = site.used_ids.get(key, 0) + 1
    dom = c.id if site.used_ids[key] == 1 else f"{c.id}-{site.used_ids[key]}"
    rows = []
    for item in c.items:
        box = f"cl-{dom}-{item.id}"
        detail = f'<span class="course-checklist__detail">{escape(item.detail)}</span>' if item.detail else ""
        rows.append(f'<li><input type="checkbox" id="{box}" data-item="{item.id}">'
                    f'<label for="{box}"><span class="course-checklist__text">{escape(item.text)}</span>'
                    f'{detail}</label></li>')
    intro = f'<p>{escape(c.intro)}</p>' if c.intro else ""
    return (f'<fieldset class="course-checklist" data-checklist="{c.id}" id="checklist-{dom}">'
            f'<legend>{escape(site.ui("checklist.legend", title=c.title))}</legend>{intro}'
            f'<ul>{"".join(rows)}</ul>'
            f'<p class="course-checklist__status" aria-live="polite"></p>'
            f'<button type="button" class="md-button course-checklist__clear">{site.ui("checklist.clear")}</button>'
            f'<p class="course-source">{site.ui("source", source=cite(c.source))}</p></fieldset>')


def module_link(site: Site, activity_id: str, text: str) -> str:
    """A Markdown link to an activity's page (plain text if it has none)."""
    page = site.course.activity(activity_id).page
    return f"[{text}]({site.link(page)})" if page else text


def module_intro(site: Site, module_id: str) -> str:
    """The week and study time of a module, from course.yml (so they add up to the syllabus)."""
    activity = site.course.activity(module_id)
    week = site.course.week_of(module_id)
    intro = (site.ui("module_intro", n=week.number, hours=hours(site, activity.hours),
                     syllabus=site.link("syllabus.md"), glossary=site.link("glossary.md"))
             + "\n{: .course-module-intro }")
    return intro + "".join(f"\n\n{source_reading(site, activity.id, r)}" for r in activity.reading)


def source_reading(site: Site, activity_id: str, r) -> str:
    """A request to read a chapter of a source, with its length, counted in the activity's time."""
    minutes = round(r.words / study_time.WORDS_READ_PER_MINUTE / 5) * 5 or 5
    text = site.ui("reading.text", document=r.citation.document.full, where=r.citation.where,
                   words=r.words, minutes=minutes)
    return (f'<p class="course-reading" data-activity="{activity_id}" data-reading-words="{r.words}">'
            f"<strong>{escape(site.ui('reading.label'))}</strong> {escape(text)}</p>")


def study_time_rates(site: Site) -> str:
    """The rates of the study-time measure, from course/content/study_time.py."""
    t = site.ui
    return "\n".join([
        _row([t("rates.what"), t("rates.time")]), "|---|---|",
        _row([t("rates.reading"), t("rates.reading_time", n=study_time.WORDS_READ_PER_MINUTE)]),
        _row([t("rates.checklist"), t("minutes", n=study_time.MINUTES_PER_CHECKLIST_ITEM)]),
        _row([t("rates.workbook"), t("minutes", n=study_time.MINUTES_PER_WORKBOOK_QUESTION)]),
        _row([t("rates.exercise"), t("minutes", n=study_time.MINUTES_PER_EXERCISE)]),
        _row([t("rates.quiz"), t("minutes", n=study_time.MINUTES_PER_QUIZ_QUESTION)]),
        _row([t("rates.writing"), t("rates.writing_time", n=study_time.WORDS_WRITTEN_PER_HOUR)]),
        _row([t("rates.timed"), t("rates.timed_time")]),
    ])


def study_time_tolerance(site: Site) -> str:
    return site.ui("percent", n=round(study_time.TOLERANCE * 100))


def activity_tasks(site: Site, activity_id: str) -> str:
    """The timed tasks of an activity (group meetings and the like), from course.yml."""
    tasks = site.course.activity(activity_id).tasks
    if not tasks:
        raise ValueError(f"activity_tasks({activity_id!r}): no tasks for it in course.yml")
    items = "".join(f'<li data-minutes="{t.minutes}">{escape(site.ui("task", text=t.text, n=t.minutes))}</li>'
                    for t in tasks)
    return f'<ul class="course-tasks" data-activity="{activity_id}">{items}</ul>'


def objectives(site: Site, module_id: str) -> str:
    """The "What you will be able to do" list of a module, from objectives.yml."""
    by_module = site.content.objectives
    if module_id not in by_module:
        raise ValueError(f"objectives({module_id!r}): no such module in course/content/objectives.yml "
                         f"(known: {', '.join(by_module)})")
    return "\n".join(f"- {o.text}" for o in by_module[module_id])


def step_name(site: Site, number: int) -> str:
    """The name of one of the six steps, exactly as the ILO guide gives it."""
    return site.course.step(number).name


def syllabus(site: Site) -> str:
    """The six weeks, their activities and study hours, from course.yml; progress.js fills the last column."""
    out = []
    for w in site.course.weeks:
        t = site.ui
        out.append(f"## {t('week_title', n=w.number, title=w.title)}\n\n{w.summary}\n")
        out.append(_row([t("syllabus.activity"), t("syllabus.time"), t("syllabus.progress")]) + "\n|---|---|---|")
        for a in w.activities:
            title = f"[{a.title}]({site.link(a.page)})" if a.page else a.title
            out.append(f'| {title} | {t("hours_short", n=a.hours)} | <span class="course-progress__status" '
                       f'data-activity="{a.id}"></span> |')
        out.append(f"| **{t('syllabus.week_total', n=w.number)}** | **{t('hours_short', n=w.hours)}** | |\n")
    total = site.ui("syllabus.total", hours=sum(w.hours for w in site.course.weeks), weeks=len(site.course.weeks))
    out.append(f"**{total}**")
    return "\n".join(out)


def agenda_2022(site: Site) -> str:
    """The live sessions of the 2022 course, week by week: a note for tutors who run a live cohort."""
    out = []
    for w in site.course.weeks:
        if w.sessions_2022:
            out.append(f"- **{site.ui('week_title', n=w.number, title=w.title)}**")
            out.extend(f"    - {_colon(site, date(site, s.date), s.title)}" for s in w.sessions_2022)
    return "\n".join(out)


# --- The learner's journey: the next step, progress (progress.js) -------------------------------

def activity_here(site: Site):
    """The course.yml activity whose page is being rendered, or None."""
    return next((a for a in site.course.activities() if a.page and a.page == site.page_path()), None)


def next_step(site: Site) -> str:
    """The end of an activity page: mark it finished, and what comes next in course.yml's order."""
    here = activity_here(site)
    if here is None:
        raise ValueError(f"next_step(): {site.page_path()} is not the page of an activity in course.yml")
    order = [a for a in site.course.activities() if a.page]
    later = order[order.index(here) + 1:]
    week = site.course.week_of(here.id)
    finish = ("" if here.kind == "quiz" else
              '<p><button type="button" class="md-button course-finished" aria-describedby="course-finished-status">'
              f'{site.ui("progress.finished_button")}</button></p>\n'
              '<p class="course-finished__status" id="course-finished-status" role="status"></p>\n')
    if not later:
        then = site.ui("next.last", home=site.link("index.md"))
    else:
        nxt = later[0]
        nweek = site.course.week_of(nxt.id)
        link = f"[{nxt.title}]({site.link(nxt.page)})"
        then = (site.ui("next.same_week", week=week.number, link=link, hours=hours(site, nxt.hours))
                if nweek.number == week.number else
                site.ui("next.new_week", week=week.number, next=nweek.number, link=link, hours=hours(site, nxt.hours)))
    return (f'<div class="course-next-step" data-activity="{here.id}" markdown>\n\n'
            f'## {site.ui("next.heading")}\n\n{finish}{then}\n\n</div>\n')


def my_course_file(site: Site) -> str:
    """Save, load and forget the trainee's work (course-file.js); every message is written by the script."""
    def t(key: str) -> str:
        return escape(site.ui(key), quote=False)
    return (
        '<div class="course-file">'
        '<p><button type="button" class="md-button md-button--primary course-file__save">'
        f'{t("file.save")}</button></p>'
        f'<p><label for="course-file-input" class="course-file__label">{t("file.load")}</label> '
        '<input type="file" id="course-file-input" class="course-file__input" accept=".json,application/json"></p>'
        '<div class="course-file__confirm" hidden>'
        f'<p class="course-file__question" tabindex="-1"><strong>{t("file.question")}</strong> '
        f'{t("file.question_detail")}</p>'
        '<ul class="course-file__changes"></ul>'
        '<p><button type="button" class="md-button md-button--primary course-file__replace">'
        f'{t("file.replace")}</button> '
        f'<button type="button" class="md-button course-file__cancel">{t("file.keep")}</button></p></div>'
        f'<p><button type="button" class="md-button course-file__forget">{t("file.forget")}</button></p>'
        '<div class="course-file__forget-confirm" hidden>'
        f'<p class="course-file__forget-question" tabindex="-1"><strong>{t("file.forget_question")}</strong> '
        f'{t("file.forget_detail")}</p>'
        '<p><button type="button" class="md-button md-button--primary course-file__forget-yes">'
        f'{t("file.forget_yes")}</button> '
        f'<button type="button" class="md-button course-file__forget-no">{t("file.forget_no")}</button></p></div>'
        '<p class="course-file__status" role="status" aria-live="polite"></p></div>\n'
        # course-file.js only where its controls are: other pages stay lighter
        f'<script src="{site.link("assets/javascripts/course-file.js")}"></script>\n')


def progress_overview(site: Site) -> str:
    """Home: each week's activities with their progress (filled in by progress.js), and where to go on."""
    out = ['<div class="course-progress" markdown>\n',
           '<p class="course-progress__continue" role="status"></p>\n']
    for w in site.course.weeks:
        out.append(f"### {site.ui('week_title', n=w.number, title=w.title)}\n")
        out.append(f'<p class="course-progress__week" data-week="{w.number}"></p>\n')
        for a in w.activities:
            title = f"[{a.title}]({site.link(a.page)})" if a.page else a.title
            out.append(f'- {title} · <span class="course-progress__status" data-activity="{a.id}"></span>')
        out.append("")
    out.append("</div>\n")
    return "\n".join(out)


def weeks_at_a_glance(site: Site) -> str:
    t = site.ui
    rows = [_row([t("glance.week"), t("glance.topic"), t("glance.hours")]), "|---|---|---|"]
    rows += [_row([str(w.number), w.title, t.number(w.hours)]) for w in site.course.weeks]
    return "\n".join(rows)


def assessment_table(site: Site) -> str:
    """What is assessed and how many points each item gives."""
    a, t = site.course.assessment, site.ui
    criteria = _listed(site, [f"{c.title} ({t.number(c.max_points)})" for c in a.essay_criteria])
    count = len(a.essay_criteria)
    return "\n".join([
        _row([t("assessment.item"), t("assessment.points"), t("assessment.completed_when")]), "|---|---|---|",
        _row([t("assessment.quizzes", count=a.quiz_count, questions=a.quiz_questions),
              t("assessment.quiz_points", per=a.points_per_correct, quiz=a.quiz_max, all=a.quizzes_max),
              t("assessment.quiz_done")]),
        _row([t("assessment.group_work"), t("zero_to", n=a.group_work_max), t("assessment.group_work_done")]),
        _row([t("assessment.essay", low=a.essay_words[0], high=a.essay_words[1]),
              t("assessment.essay_points", count=count, max=a.essay_max, criteria=criteria),
              t("assessment.essay_done", count=count)]),
        _row([t("assessment.bonus"), t("assessment.bonus_points", n=a.bonus_max), t("assessment.bonus_done")]),
    ])


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def certificate_rules(site: Site) -> str:
    """The certificate rules in plain words, with the thresholds and labels from course.yml."""
    a, r, t = site.course.assessment, site.course.certificates, site.ui
    n = a.item_count
    achievement, participation = r.label("achievement"), r.label("participation")
    all_items = t("rules.all_items", n=n) if r.achievement_requires_all_items else ""
    least = r.achievement_min_points
    exact = t("rules.exact", below=least - 0.5, min=least)
    if r.achievement_requires_all_items:
        exact += " " + t("rules.essay_missing", min=least, label=participation)
    return "\n".join([
        t("rules.base", max=a.base_max, n=n, quizzes=a.quiz_count) + "\n",
        "- " + t("rules.achievement", label=achievement, all_items=all_items, min=least),
        "- " + t("rules.bonus", max=a.bonus_max, awarded_for=_lower_first(a.bonus_awarded_for), label=achievement,
                 all_items=all_items, min=least),
        "- " + t("rules.participation", label=participation, min_items=r.participation_min_items, n=n,
                 min=r.participation_min_points),
        "- " + t("rules.none", none=_lower_first(r.label("none"))) + "\n",
        exact,
    ])


def score_sheet_columns(site: Site) -> str:
    """The score sheet's header, exactly as the grader reads it."""
    return "`" + ",".join(sheet_columns(site.course)) + "`"


def score_ranges(site: Site) -> str:
    """What each score column holds, with the maxima from course.yml."""
    a, t = site.course.assessment, site.ui
    criteria = ", ".join(t("ranges.criterion", column=c.column, max=c.max_points) for c in a.essay_criteria)
    return "\n".join([
        "- " + t("ranges.quizzes", count=a.quiz_count, questions=a.quiz_questions),
        "- " + t("ranges.others", group_work=a.group_work_max, criteria=criteria, bonus=a.bonus_max),
    ])


def engagement_bands(site: Site) -> str:
    t = site.ui
    rows = [_row([t("bands.band"), t("bands.items", n=site.course.assessment.item_count)]), "|---|---|"]
    for b in site.course.engagement_bands:
        span = str(b.min_items) if b.min_items == b.max_items else t("range", low=b.min_items, high=b.max_items)
        rows.append(f"| {b.label} ({b.description}) | {span} |")
    return "\n".join(rows)


def glossary(site: Site) -> str:
    """The glossary: an A to Z index of letters, then every term under its letter, with its source."""
    by_letter: dict[str, list] = {}
    for t in site.content.glossary:
        by_letter.setdefault(t.letter, []).append(t)
    index = " · ".join(f"[{letter}](#letter-{letter.lower()})" for letter in by_letter)
    out = [f'<nav class="course-glossary-index" aria-label="{escape(site.ui("glossary.index"))}" markdown>\n'
           f'{index}\n</nav>\n']
    for letter, terms in by_letter.items():
        out.append(f"## {letter} {{: #letter-{letter.lower()} }}\n")
        for t in terms:
            name = f"{t.short} ({t.term})" if t.short else t.term
            source = site.ui("source", source=t.source) + "." if t.source else site.ui("glossary.own")
            out.append(f'<span id="{t.anchor}"></span>**{name}**\n:   {t.definition} *{source}*\n')
    return "\n".join(out)


def source(site: Site, document: str, where: str) -> str:
    """An inline citation: `{{ source("001", "Step 1, Box 3") }}` gives a marker "[001, Step 1, Box 3]"."""
    docs = site.content.sources
    if document not in docs:
        raise ValueError(f"source({document!r}, ...): unknown document (known: {', '.join(docs)})")
    return cite(Citation(docs[document], where))


def page_sources(site: Site) -> str:
    """The page's Sources list: each document cited once, with every place cited on the page."""
    sources_listed[0] = True
    by_document: dict[str, list[tuple[int, Citation]]] = {}
    for citation, number in cited.items():
        by_document.setdefault(citation.document.key, []).append((number, citation))
    items = []
    for key in sorted(by_document):
        places = "".join(f'<li id="source-{n}">{escape(c.where)}</li>' for n, c in by_document[key])
        items.append(f"<li><strong>{escape(key)}</strong>: {escape(by_document[key][0][1].document.full)}"
                     f"<ul>{places}</ul></li>")
    return f'<ul class="course-sources">{"".join(items)}</ul>'


def source_list(site: Site) -> str:
    return "\n".join(f"- **{d.key}**: {d.full}" for d in site.content.sources.values())


# --- Case studies, group work and final assignment (course/content/case_studies.py, course/content/rubrics.py) ---
def years(study) -> str:
    return ", ".join(map(str, study.years))


def case_study_facts(site: Site) -> str:
    """The facts box of the current case-study page, from its front matter."""
    name = posixpath.splitext(posixpath.basename(site.page_path()))[0]
    study = next((s for s in site.content.case_studies if s.name == name), None)
    if study is None:
        raise ValueError(f"case_study_facts(): {site.page_path()} is not a case study in case_studies/")
    phases = {p.id: p.name for p in site.course.assessment_phases}
    phase_modules = {p.id: p.module for p in site.course.assessment_phases}
    t = site.ui
    steps = _listed(site, [_colon(site, module_link(site, site.course.step(s.number).module, t("step", n=s.number)),
                                  site.course.step(s.number).name) for s in study.steps])
    rows = [(t("facts.country"), study.country), (t("facts.policy"), study.policy), (t("facts.years"), years(study)),
            (t("facts.lead"), study.lead_institution),
            (t("facts.steps"), steps),
            (t("facts.phases"),
             _listed(site, [module_link(site, phase_modules[p], phases[p]) for p in study.assessment_phases])
             or t("facts.no_phase")),
            (t("sources_heading"), _listed(site, [str(c) for c in study.sources]))]
    lines = [f'!!! info "{t("facts.title")}"', "", "    " + _row([t("facts.fact"), t("facts.from_sources")]),
             "    |---|---|"]
    lines += [f"    | **{k}** | {v} |" for k, v in rows]
    return "\n".join(lines) + "\n"


def case_study_table(site: Site) -> str:
    """The three countries against the six steps, generated from the case studies' front matter."""
    studies = site.content.case_studies
    t = site.ui
    head = _row([t("facts.country")] + [f"[{s.country}]({site.link(s.page)})" for s in studies])
    rows = [head, "|---" * (len(studies) + 1) + "|",
            _row([f"**{t('facts.policy')}**"] + [s.policy for s in studies]),
            _row([f"**{t('facts.years')}**"] + [years(s) for s in studies]),
            _row([f"**{t('facts.lead')}**"] + [s.lead_institution for s in studies])]
    for step in site.course.steps:
        cells = [(s.step(step.number).how if s.step(step.number) else "—") for s in studies]
        label = module_link(site, step.module, t("step", n=step.number))
        rows.append(_row([_colon(site, f"**{label}**", step.name)] + cells))
    return "\n".join(rows)


def rubric(site: Site, criteria, heading: str) -> str:
    t = site.ui
    out = []
    for c in criteria:
        out.append(f"{heading} {t('rubric.criterion_heading', title=c.title, max=c.max_points)}\n")
        out.append(f"*{t('rubric.looks_at')}* {c.looks_for}\n")
        out.append(_row([t("assessment.points"), t("rubric.shows")]) + "\n|---|---|")
        out.extend(f"| {b.label} | {b.descriptor} |" for b in c.bands)
        out.append("")
    return "\n".join(out)


def essay_rubric(site: Site, heading: str = "###") -> str:
    """The essay rubric: course.yml's criteria, with the band descriptors of course/content/rubrics.yml."""
    return rubric(site, site.content.rubrics.essay, heading)


def group_work_rubric(site: Site, heading: str = "###") -> str:
    """The group-work rubric; its criteria add up to course.yml's group-work points."""
    return rubric(site, site.content.rubrics.group_work, heading)


def rubric_summary(site: Site, which: str) -> str:
    """A one-table overview of a rubric's criteria and points, with the total."""
    criteria = {"essay": site.content.rubrics.essay, "group_work": site.content.rubrics.group_work}[which]
    t = site.ui
    rows = [_row([t("rubric.criterion"), t("assessment.points")]), "|---|---|"]
    rows += [_row([c.title, t("zero_to", n=c.max_points)]) for c in criteria]
    rows.append(_row([f"**{t('rubric.total')}**", f"**{t('zero_to', n=sum(c.max_points for c in criteria))}**"]))
    return "\n".join(rows)


def essay_words(site: Site) -> str:
    """The essay's length, e.g. "1,500 to 2,500", from course.yml."""
    fewest, most = site.course.assessment.essay_words
    return site.ui("range", low=fewest, high=most)


# --- Policy coherence: the participatory assessment's tools (course/content/tools/*.yml, source 000) ---
def tool_block(site: Site, tool_id: str, body: str, citation) -> str:
    """A tool wrapped so tests and print styles can find it; Markdown inside is still rendered."""
    return (f'<div class="course-tool" data-tool="{tool_id}" markdown>\n\n{body}\n\n'
            f'*{site.ui("source", source=citation)}.*\n{{: .course-source }}\n\n</div>')


def assessment_phases(site: Site) -> str:
    """The phases of the participatory assessment, in order, linked to their modules."""
    out = []
    for i, p in enumerate(site.course.assessment_phases, 1):
        page = site.course.activity(p.module).page
        out.append(f"{i}. [{p.name}]({site.link(page)})" if page else f"{i}. {p.name}")
    return "\n".join(out)


def coherence_principles(site: Site) -> str:
    """Box 1's eight guiding principles, with the course's short name for each."""
    # Box 1's words set apart as a quotation: kept verbatim, so not held to the course's sentence lengths
    return "\n".join(f'{p.number}. **{site.ui("principle", n=p.number, name=p.name)}.**\n\n    > "{p.text}"\n'
                     for p in site.content.principles)


def principle_actions(site: Site) -> str:
    """Table 6: for each principle, the challenges, actions and responsible institutions."""
    out = []
    for p in site.content.principles:
        out.append(f"**{site.ui('principle', n=p.number, name=p.name)}**\n")
        out.append(_row([site.ui("tools.challenge"), site.ui("tools.actions"), site.ui("tools.responsible")])
                   + "\n|---|---|---|")
        out += [f"| {c.challenge} | {' '.join(c.actions)} | {', '.join(c.responsible)} |" for c in p.challenges]
        out.append("")
    return "\n".join(out)


def questionnaire(site: Site, questionnaire_id: str) -> str:
    """One question list as a numbered table, with the institutions to address where the manual says."""
    q = site.content.questionnaires[questionnaire_id]
    asks = any(x.ask for x in q.questions)
    t = site.ui
    rows = [_row([t("tools.number"), t("tools.question"), t("tools.address")]), "|---|---|---|"] if asks else \
           [_row([t("tools.number"), t("tools.question")]), "|---|---|"]
    for i, x in enumerate(q.questions, 1):
        cell = (", ".join(x.ask) if x.ask else f"*{t('tools.choose')}*")
        rows.append(f"| {i} | {x.text} | {cell} |" if asks else f"| {i} | {x.text} |")
    intro = f"{q.intro}\n\n" if q.intro else ""
    return tool_block(site, q.id, intro + "\n".join(rows), q.source)


def focus_group_minutes(site: Site) -> int:
    """How long Annex 2's four sessions take together."""
    return sum(s.minutes for s in site.content.focus_groups.sessions)


def focus_groups(site: Site) -> str:
    """The three focus-group scripts of Annex 2, session by session."""
    fg, t = site.content.focus_groups, site.ui
    out = [_row([t("tools.session"), t("tools.minutes")]), "|---|---|"]
    out += [f"| {s.name} | {s.minutes} |" for s in fg.sessions]
    out.append(f"| **{t('tools.in_all')}** | **{focus_group_minutes(site)}** |\n")
    out.append(f"### {t('tools.facilitator_says', session=_lower_first(fg.sessions[0].name))}\n")
    out += [f"{i}. {step}" for i, step in enumerate(fg.introduction, 1)]
    blocks = ["\n".join(out)]
    for g in fg.groups:
        body = [f"## {g.title}\n", f"- **{t('tools.target')}** {g.target}",
                f"- **{t('tools.participants')}** {g.participants}",
                f"- **{t('tools.requirements')}** {g.requirements}", f"- **{t('tools.objectives')}**"]
        body += [f"    - {o}" for o in g.objectives]
        body.append("")
        if g.note:
            body.append(f'!!! note "{t("tools.tip")}"\n    {g.note}\n')
        body.append(f"**{fg.sessions[0].name}** {t('tools.introduction', n=fg.sessions[0].minutes)}\n")
        for s in fg.sessions[1:]:
            questions = g.questions.get(s.id, ())
            body.append(f"**{s.name}** ({t('minutes', n=s.minutes)})\n")
            body += [f"{i}. {text}" for i, text in enumerate(questions, 1)]
            body.append("")
        body.append(t("tools.close"))
        blocks.append(tool_block(site, g.id, "\n".join(body), fg.source))
    return "\n\n".join(blocks)


def outline(site: Site, name: str) -> str:
    """A fill-in document (terms of reference, report outline) from course/content/tools/<name>.yml."""
    o = site.content.outlines[name]
    out = [o.intro + "\n"] if o.intro else []
    for s in o.sections:
        out.append(f"## {s.heading}\n")
        if s.text:
            out.append(s.text + "\n")
        out += [f"- {item}" for item in s.items]
        out.append("")
    return tool_block(site, o.id, "\n".join(out), o.source)


def swot_grid(site: Site) -> str:
    """One empty SWOT grid per guiding principle, to fill in at the workshop."""
    o = site.content.outlines["swot-grid"]
    out = [o.intro + "\n", _row([site.ui("tools.grid_part"), site.ui("tools.grid_question")]), "|---|---|"]
    out += [f"| **{s.heading}** | {s.text} |" for s in o.sections]
    out.append("")
    names = [s.heading for s in o.sections]
    for p in site.content.principles:
        out.append(f"## {site.ui('principle', n=p.number, name=p.name)}\n")
        out.append(f'"{p.text}"\n')
        for pair in (names[:2], names[2:]):
            out.append("| " + " | ".join(pair) + " |\n|" + "---|" * len(pair))
            out.append("| " + " | ".join(" " for _ in pair) + " |\n")
    return tool_block(site, "swot-grid", "\n".join(out), o.source)


def quiz_page(site: Site, key: str) -> str:
    """A week's quiz from quizzes/<key>.yml; the key and explanations only in practice mode."""
    bank = site.content.quiz_bank
    if key not in bank.quizzes:
        raise ValueError(f"quiz_page({key!r}): no such quiz in quizzes/ (known: {', '.join(bank.quizzes)})")
    quiz = bank.quiz(key)
    practice = site.quiz_mode == "practice"
    # The answer file's format and name, once (course.content.quizzes), for quiz.js to write.
    data = {"quiz": quiz.key, "edition": quiz.edition, "mode": site.quiz_mode,
            "answerFile": {"format": ANSWER_FORMAT, "version": ANSWER_VERSION, "name": ANSWER_FILE_NAME}}
    if practice:    # in a <script>, which the search index skips
        data["key"] = {q.id: {"letter": q.answer, "text": q.options[q.answer], "why": q.explanation}
                       for q in quiz.questions}
    t = site.ui

    def h(key: str, **values) -> str:       # a text for HTML, Markdown's **bold** as <strong>
        return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(t(key, **values), quote=False))

    items = []
    for number, q in enumerate(quiz.questions, start=1):
        options = "".join(
            f'<li><input type="radio" name="{key}-{q.id}" id="{key}-{q.id}-{letter}" value="{letter}">'
            f'<label for="{key}-{q.id}-{letter}">{escape(text)}</label></li>'
            for letter, text in q.options.items())
        feedback = '<div class="course-quiz__feedback" hidden></div>' if practice else ""
        items.append(f'<li><fieldset class="course-quiz__question" data-question="{q.id}">'
                     f'<legend><span class="course-quiz__number">{number}.</span> {escape(q.question)}</legend>'
                     f'<ul class="course-quiz__options">{options}</ul>'
                     f'{feedback}<p class="course-source">{escape(t("source", source=q.source))}.</p></fieldset></li>')
    # The form's main action is its submit button (Enter in a field runs it too): check, or hand in.
    check = ('<button type="submit" class="md-button md-button--primary course-quiz__check">'
             f'{h("quiz.check")}</button>') if practice else ""
    a = site.course.assessment
    marked = h("quiz.marked", per=a.points_per_correct, quiz=a.quiz_max, all=a.quizzes_max, count=a.quiz_count)
    if practice:
        mode = (f'<p class="course-quiz__mode"><strong>{h("quiz.practice_edition")}</strong> '
                f'{h("quiz.practice")} {marked}</p>')
    else:
        mode = (f'<p class="course-quiz__mode"><strong>{h("quiz.graded_edition")}</strong> '
                f'{h("quiz.graded")} {marked} {h("quiz.graded_score")}</p>')
    file_name = ANSWER_FILE_NAME.format(quiz=key, trainee_id=t("quiz.your_id"))
    intro = (f'<div class="course-quiz__intro"><p>{h("quiz.intro", n=len(quiz.questions))}</p>'
             f'{mode}'
             f'<p>{h("quiz.hand_in", file="{file}").replace("{file}", f"<code>{escape(file_name)}</code>")}</p></div>')
    trainee = (f'<div class="course-quiz__trainee">'
               f'<p><label for="{key}-trainee-id">{h("quiz.trainee_id")}</label>'
               f'<input type="text" id="{key}-trainee-id" class="course-quiz__trainee-id" autocomplete="off" '
               f'spellcheck="false" aria-describedby="{key}-trainee-id-error">'
               f'<span class="course-quiz__error" id="{key}-trainee-id-error"></span></p>'
               f'<p><label for="{key}-name">{h("quiz.name")}</label>'
               f'<input type="text" id="{key}-name" class="course-quiz__name" autocomplete="name"></p></div>')
    actions = (f'<div class="course-quiz__actions">{check}'
               f'<button type="{"button" if site.quiz_mode == "practice" else "submit"}" '
               f'class="md-button course-quiz__download">{h("quiz.download")}</button>'
               f'<button type="button" class="md-button course-quiz__clear">{h("quiz.clear")}</button></div>'
               '<div class="course-quiz__unanswered" hidden>'
               '<p class="course-quiz__unanswered-text" tabindex="-1"></p>'
               f'<p><button type="button" class="md-button course-quiz__download-anyway">{h("quiz.download_anyway")}'
               '</button> '
               f'<button type="button" class="md-button course-quiz__answer-first">{h("quiz.answer_first")}</button></p>'
               '</div>'
               '<p class="course-quiz__status" role="status" aria-live="polite"></p>')
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (f"# {t('quiz.title', n=quiz.week, title=quiz.title)}\n\n"
            f'<div class="course-quiz" data-quiz="{quiz.key}" data-edition="{quiz.edition}" '
            f'data-mode="{site.quiz_mode}">{intro}<form class="course-quiz__form" novalidate data-search-exclude>{trainee}'
            f'<ol class="course-quiz__questions">{"".join(items)}</ol>{actions}</form>'
            f'<script type="application/json" class="course-quiz__data">{payload}</script></div>\n'
            # quiz.js only where there is a quiz: other pages stay lighter on a weak connection
            f'<script src="{site.link("assets/javascripts/quiz.js")}"></script>\n'
            # scorm.js does nothing unless the page runs inside an LMS (the SCORM package)
            f'<script src="{site.link("assets/javascripts/scorm.js")}"></script>\n')


# --- Practice: exercises and the workbook (course/content/exercises/, workbook.yml, practice.js) ---


def _answer_box(key: str, dom_id: str, label_html: str, rows: int) -> str:
    """A labelled text area whose text practice.js saves; the mirror shows it when printed."""
    return (f'<div class="course-answer">'
            f'<label class="course-answer__label" for="{dom_id}">{label_html}</label>'
            f'<textarea id="{dom_id}" class="course-answer__text" rows="{rows}" data-key="{escape(key)}" '
            f'spellcheck="true"></textarea>'
            f'<div class="course-answer__print" aria-hidden="true"></div>'
            f'<div class="course-answer__status" role="status"></div></div>')


def exercises(site: Site, module_id: str) -> str:
    """A module's exercises: situation, task, a box for the answer, then the model answer (practice only)."""
    graded = site.quiz_mode == "graded"
    site.course.activity(module_id)      # an unknown module fails the build here, with its name
    found = site.content.exercises
    if module_id not in found:
        raise ValueError(f"exercises({module_id!r}): no course/content/exercises/{module_id}.yml")
    t = site.ui
    blocks = []
    for n, e in enumerate(found[module_id], 1):
        if e.course_own:
            origin = escape(t("exercise.course_own_built_on", source=e.source) if e.source else t("exercise.course_own"),
                            quote=False)
        else:
            origin = escape(t("source", source=e.source) + ".", quote=False)
        if graded:
            reveal = f'<p class="course-exercise__graded">{escape(t("exercise.graded"), quote=False)}</p>'
        else:
            points = "\n".join(f"- {p}" for p in e.good_answer_contains)
            reveal = (f'<details class="course-exercise__model" markdown>\n'
                      f'<summary>{escape(t("exercise.show_model"), quote=False)}</summary>\n\n{e.model_answer}\n\n'
                      f'**{t("exercise.good_answer")}**\n\n{points}\n\n</details>')
        label = escape(t("exercise.your_answer"), quote=False)
        blocks.append(
            f'<div class="course-exercise" id="exercise-{e.id}" data-exercise="{e.id}" markdown>\n\n'
            f'### {t("exercise.heading", n=n, title=e.title)}\n\n'
            f'<p class="course-exercise__kind">{escape(t(f"exercise.kind.{e.kind}"), quote=False)}</p>\n\n'
            f'**{t("exercise.situation")}** {e.scenario}\n\n'
            f'**{t("exercise.task")}** {e.task}\n\n'
            f'{_answer_box(answer_key("exercise", e.id), f"answer-{e.id}", label, 7)}\n\n'
            f'{reveal}\n\n'
            f'<p class="course-source">{origin}</p>\n\n</div>')
    return "\n\n".join(blocks)


def _workbook_entries(questions) -> str:
    """One list item per question, its answer kept under the question's own name (same on every page)."""
    return "".join(f'<li class="course-workbook__entry" data-workbook="{q.id}">'
                   f'{_answer_box(answer_key("workbook", q.id), f"workbook-{q.id}", escape(q.question), 4)}</li>'
                   for q in questions)


def workbook(site: Site, module_id: str) -> str:
    """A module's "For your country" questions, each with a box whose answer goes to the workbook."""
    site.course.activity(module_id)
    questions = site.content.workbook
    if module_id not in questions:
        raise ValueError(f"workbook({module_id!r}): no questions for this module in course/content/workbook.yml")
    return (f'{site.ui("workbook.intro", workbook=site.link("workbook.md"))}\n\n'
            f'<ol class="course-workbook">{_workbook_entries(questions[module_id])}</ol>')


def workbook_page(site: Site) -> str:
    """Every workbook question, module by module in course order, with the trainee's answers to edit."""
    questions = site.content.workbook
    modules = [a for w in site.course.weeks for a in w.activities if a.id in questions]
    unknown = sorted(set(questions) - {a.id for a in modules})
    if unknown:
        raise ValueError(f"course/content/workbook.yml: {', '.join(unknown)}: not an activity of course.yml")
    t = site.ui
    out = ['<div class="course-workbook__actions">'
           '<button type="button" class="md-button md-button--primary course-workbook__download">'
           f'{escape(t("workbook.download"), quote=False)}</button>'
           f'<button type="button" class="md-button course-workbook__print">{escape(t("workbook.print"), quote=False)}'
           '</button><div class="course-workbook__summary" role="status"></div></div>']
    for a in modules:
        # Plain Markdown heading (in the page's contents); the list after it is raw HTML.
        out.append(f"## {a.title} {{: .course-workbook__module }}\n\n"
                   f"{t('week', n=site.course.week_of(a.id).number)} · [{t('workbook.open_module')}]({site.link(a.page)})\n")
        out.append(f'<ol class="course-workbook" data-module="{a.id}" data-title="{escape(a.title)}">'
                   + _workbook_entries(questions[a.id]) + '</ol>')
    return "\n\n".join(out)


def _row(cells) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def planning_template(site: Site, template_id: str) -> str:
    """The template's guidance, an empty table to fill in, and the course's own filled-in example."""
    templates = site.content.templates
    if template_id not in templates:
        raise ValueError(f"planning_template({template_id!r}): no such template in course/content/templates.yml "
                         f"(known: {', '.join(templates)})")
    t = templates[template_id]
    names = [c.name for c in t.columns]
    rule = "|" + "---|" * len(names)
    blank = "\u00a0"      # a no-break space keeps an empty cell open on paper
    ui = site.ui
    out = [f'!!! note "{ui("template.own_title")}"\n    {ui("template.own", basis=t.basis)}\n',
           t.intro + "\n",
           f"**{ui('template.columns')}**\n"]
    out += ["- " + _colon(site, f"**{c.name}**", c.guidance) for c in t.columns]
    out += ["", f'<div class="course-template" data-template="{t.id}" markdown>\n', _row(names), rule]
    out += [_row(list(r) + [blank] * (len(names) - len(r))) for r in t.rows]
    out += ["", "</div>\n", f"## {ui('template.example')}\n",
            '<div class="course-template-example" markdown>\n', _row(t.example_columns),
            "|" + "---|" * len(t.example_columns)]
    out += [_row(list(r) + [blank] * (len(t.example_columns) - len(r))) for r in t.example]
    out += ["", "</div>"]
    return "\n".join(out)


MACROS = (agenda_2022, next_step, progress_overview, my_course_file, score_sheet_columns, score_ranges,
          exercises, workbook, workbook_page, planning_template,
          checklist, module_intro, study_time_rates, study_time_tolerance, activity_tasks, objectives, step_name,
          syllabus, weeks_at_a_glance, assessment_table, certificate_rules, engagement_bands, glossary, source,
          page_sources, source_list, case_study_facts, case_study_table, essay_rubric, group_work_rubric,
          rubric_summary, essay_words, assessment_phases, coherence_principles, principle_actions, questionnaire,
          focus_group_minutes, focus_groups, outline, swot_grid, quiz_page)


def define_env(env):
    """Register every macro, on the course content macros/hooks.py loaded for this build (in the build's
    language: mkdocs.yml is English, mkdocs.fr.yml French; `mkdocs serve` loads it again on each rebuild)."""
    quiz_mode = str((env.conf.get("extra") or {}).get("quiz_mode") or "practice")
    if quiz_mode not in QUIZ_MODES:
        raise ValueError(f"extra.quiz_mode (QUIZ_MODE) is {quiz_mode!r}; use one of: {', '.join(QUIZ_MODES)}")
    if "course_content" not in env.conf:
        raise ValueError("the course is loaded by macros/hooks.py: list it under hooks: in the MkDocs configuration")
    site = Site(env.conf["course_content"], quiz_mode, env)
    env.variables["course"] = site.course
    # The course file's format and the storage key prefix, as course-file.js reads them from the page data.
    env.variables["course_file_format"] = {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION,
                                           "prefix": STORAGE_PREFIX}
    env.filter(site.ui.number, "fmt")      # {{ x | fmt }}: 0.5 / 0,5
    for macro in MACROS:
        env.macro(partial(macro, site), macro.__name__)
