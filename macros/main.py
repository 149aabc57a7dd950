"""The thin MkDocs adapter: turns `course` objects into page content. No course rules live here.

Every macro is a plain function of the `Site` (the course content, the quiz mode, the page being
rendered) and its arguments, registered in a loop by `define_env`: each can be called in a test
without building the site.
"""

from __future__ import annotations

import json
import posixpath
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from course.content import CourseContent, load, study_time
from course.content.course_file import COURSE_FILE_FORMAT, COURSE_FILE_VERSION, STORAGE_PREFIX
from course.content.definition import Course
from course.content.exercises import answer_key
from course.content.quizzes import ANSWER_FILE_NAME, ANSWER_FORMAT, ANSWER_VERSION
from course.content.sources import Citation
from course.grading.scoresheet import sheet_columns

ROOT = Path(__file__).resolve().parent.parent
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

    def __init__(self, content: CourseContent, quiz_mode: str = "practice", env: Any = None):
        self.content = content
        self.quiz_mode = quiz_mode
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


def fmt(number: float) -> str:
    return f"{number:g}"


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
            f'<legend>Checklist: {escape(c.title)}</legend>{intro}'
            f'<ul>{"".join(rows)}</ul>'
            f'<p class="course-checklist__status" aria-live="polite"></p>'
            f'<button type="button" class="md-button course-checklist__clear">Clear my ticks</button>'
            f'<p class="course-source">Source: {cite(c.source)}</p></fieldset>')


def module_link(site: Site, activity_id: str, text: str) -> str:
    """A Markdown link to an activity's page (plain text if it has none)."""
    page = site.course.activity(activity_id).page
    return f"[{text}]({site.link(page)})" if page else text


def module_intro(site: Site, module_id: str) -> str:
    """The week and study time of a module, from course.yml (so they add up to the syllabus)."""
    activity = site.course.activity(module_id)
    week = site.course.week_of(module_id)
    hours = f'{fmt(activity.hours)} hour{"s" if activity.hours != 1 else ""}'
    intro = (f"**Week {week.number}** · Study time: about {hours} · [Syllabus]({site.link('syllabus.md')}) · "
             f"[Glossary]({site.link('glossary.md')})\n"
             "{: .course-module-intro }")
    return intro + "".join(f"\n\n{source_reading(activity.id, r)}" for r in activity.reading)


def source_reading(activity_id: str, r) -> str:
    """A request to read a chapter of a source, with its length, counted in the activity's time."""
    minutes = round(r.words / study_time.WORDS_READ_PER_MINUTE / 5) * 5 or 5
    return (f'<p class="course-reading" data-activity="{activity_id}" data-reading-words="{r.words}">'
            f"<strong>Read in the source:</strong> {escape(r.citation.document.full)}, "
            f"{escape(r.citation.where)} ({r.words:,} words, about {minutes} minutes). "
            f"The study time above includes it.</p>")


def study_time_rates(site: Site) -> str:
    """The rates of the study-time measure, from course/content/study_time.py."""
    return "\n".join([
        "| What the page asks | Time it counts |", "|---|---|",
        f"| Reading: the page and the source chapters it names | {study_time.WORDS_READ_PER_MINUTE} words a minute |",
        f"| A checklist question, answered for your own country | {fmt(study_time.MINUTES_PER_CHECKLIST_ITEM)} minutes |",
        f'| A "For your country" or discussion question | {study_time.MINUTES_PER_WORKBOOK_QUESTION} minutes |',
        f"| An exercise: writing your answer (its words are read as above) | {study_time.MINUTES_PER_EXERCISE} minutes |",
        f"| A quiz question | {study_time.MINUTES_PER_QUIZ_QUESTION} minutes |",
        f"| Writing a text to hand in | {study_time.WORDS_WRITTEN_PER_HOUR} words an hour, plus half as long "
        "again to plan and revise |",
        "| Tasks the page times itself (group meetings) | the minutes it gives |",
    ])


def study_time_tolerance(site: Site) -> str:
    return f"{study_time.TOLERANCE:.0%}"


def activity_tasks(site: Site, activity_id: str) -> str:
    """The timed tasks of an activity (group meetings and the like), from course.yml."""
    tasks = site.course.activity(activity_id).tasks
    if not tasks:
        raise ValueError(f"activity_tasks({activity_id!r}): no tasks for it in course.yml")
    items = "".join(f'<li data-minutes="{t.minutes}">{escape(t.text)}: about {t.minutes} minutes</li>'
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
        out.append(f"## Week {w.number}: {w.title}\n\n{w.summary}\n")
        out.append("| Activity | Study time | Your progress |\n|---|---|---|")
        for a in w.activities:
            title = f"[{a.title}]({site.link(a.page)})" if a.page else a.title
            out.append(f'| {title} | {fmt(a.hours)} h | <span class="course-progress__status" '
                       f'data-activity="{a.id}"></span> |')
        out.append(f"| **Week {w.number} in all** | **{fmt(w.hours)} h** | |\n")
    out.append(f"**Total: {fmt(sum(w.hours for w in site.course.weeks))} hours over {len(site.course.weeks)} weeks.**")
    return "\n".join(out)


def agenda_2022(site: Site) -> str:
    """The live sessions of the 2022 course, week by week: a note for tutors who run a live cohort."""
    out = []
    for w in site.course.weeks:
        if w.sessions_2022:
            out.append(f"- **Week {w.number}: {w.title}**")
            out.extend(f"    - {s.date:%d %B %Y}: {s.title}" for s in w.sessions_2022)
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
              'I have finished this</button></p>\n'
              '<p class="course-finished__status" id="course-finished-status" role="status"></p>\n')
    if not later:
        then = (f"This is the last activity of the course. The [home page]({site.link('index.md')}) shows "
                "what you have finished and what is left.")
    else:
        nxt = later[0]
        nweek = site.course.week_of(nxt.id)
        hours = f'about {fmt(nxt.hours)} hour{"s" if nxt.hours != 1 else ""}'
        where = (f"Next in week {week.number}" if nweek.number == week.number
                 else f"Week {week.number} ends here. Week {nweek.number} begins with")
        then = f"{where}: [{nxt.title}]({site.link(nxt.page)}), {hours}."
    return (f'<div class="course-next-step" data-activity="{here.id}" markdown>\n\n'
            f'## Your next step\n\n{finish}{then}\n\n</div>\n')


def my_course_file(site: Site) -> str:
    """Save, load and forget the trainee's work (course-file.js); every message is written by the script."""
    return (
        '<div class="course-file">'
        '<p><button type="button" class="md-button md-button--primary course-file__save">'
        'Save my work to a file</button></p>'
        '<p><label for="course-file-input" class="course-file__label">Load my work from a file</label> '
        '<input type="file" id="course-file-input" class="course-file__input" accept=".json,application/json"></p>'
        '<div class="course-file__confirm" hidden>'
        '<p class="course-file__question" tabindex="-1"><strong>Replace the work in this browser with the '
        'file?</strong> This is what would change:</p>'
        '<ul class="course-file__changes"></ul>'
        '<p><button type="button" class="md-button md-button--primary course-file__replace">'
        'Replace my work with the file</button> '
        '<button type="button" class="md-button course-file__cancel">Keep my work as it is</button></p></div>'
        '<p><button type="button" class="md-button course-file__forget">Forget me on this computer</button></p>'
        '<div class="course-file__forget-confirm" hidden>'
        '<p class="course-file__forget-question" tabindex="-1"><strong>Remove all your work for this course '
        'from this browser?</strong> This removes your progress, ticks, quiz answers, exercise and workbook '
        'answers, Trainee ID and name, for every edition of the course. Save your work to a file first if you '
        'want to keep it.</p>'
        '<p><button type="button" class="md-button md-button--primary course-file__forget-yes">'
        'Yes, forget me</button> '
        '<button type="button" class="md-button course-file__forget-no">Cancel</button></p></div>'
        '<p class="course-file__status" role="status" aria-live="polite"></p></div>\n'
        # course-file.js only where its controls are: other pages stay lighter
        f'<script src="{site.link("assets/javascripts/course-file.js")}"></script>\n')


def progress_overview(site: Site) -> str:
    """Home: each week's activities with their progress (filled in by progress.js), and where to go on."""
    out = ['<div class="course-progress" markdown>\n',
           '<p class="course-progress__continue" role="status"></p>\n']
    for w in site.course.weeks:
        out.append(f"### Week {w.number}: {w.title}\n")
        out.append(f'<p class="course-progress__week" data-week="{w.number}"></p>\n')
        for a in w.activities:
            title = f"[{a.title}]({site.link(a.page)})" if a.page else a.title
            out.append(f'- {title} · <span class="course-progress__status" data-activity="{a.id}"></span>')
        out.append("")
    out.append("</div>\n")
    return "\n".join(out)


def weeks_at_a_glance(site: Site) -> str:
    rows = ["| Week | Topic | Hours |", "|---|---|---|"]
    rows += [f"| {w.number} | {w.title} | {fmt(w.hours)} |" for w in site.course.weeks]
    return "\n".join(rows)


def assessment_table(site: Site) -> str:
    """What is assessed and how many points each item gives."""
    a = site.course.assessment
    criteria = "; ".join(f"{c.title} ({fmt(c.max_points)})" for c in a.essay_criteria)
    return "\n".join([
        "| Item | Points | Counts as completed when |", "|---|---|---|",
        f"| {a.quiz_count} weekly quizzes of {a.quiz_questions} questions | {fmt(a.points_per_correct)} per correct "
        f"answer: {fmt(a.quiz_max)} per quiz, {fmt(a.quizzes_max)} in all | the quiz was handed in, even with no "
        f"correct answer |",
        f"| Group work: the Republic of Ramsania | 0 to {fmt(a.group_work_max)} | the tutors recorded a score |",
        f"| Final assignment: essay of {a.essay_words[0]:,} to {a.essay_words[1]:,} words | "
        f"{len(a.essay_criteria)} criteria, 0 to {fmt(a.essay_max)} in all: {criteria} | all "
        f"{len(a.essay_criteria)} criteria are scored |",
        f"| Participation bonus | 0 to {fmt(a.bonus_max)}, awarded by tutors | not an assessed item |",
    ])


def certificate_rules(site: Site) -> str:
    """The certificate rules in plain words, with the thresholds and labels from course.yml."""
    a, r = site.course.assessment, site.course.certificates
    n = a.item_count
    achievement, participation = r.label("achievement"), r.label("participation")
    all_items = f"you completed all {n} items and " if r.achievement_requires_all_items else ""
    return "\n".join([
        f"Your **base score** is your quiz points plus your group work plus your essay, out of "
        f"{fmt(a.base_max)}. There are **{n} assessed items**: the {a.quiz_count} quizzes, the group work "
        f"and the essay.\n",
        f"- **{achievement}**: {all_items}your base score is at least **{fmt(r.achievement_min_points)}**.",
        f"- **Participation bonus**: tutors may award up to {fmt(a.bonus_max)} points for "
        f"{a.bonus_awarded_for[0].lower() + a.bonus_awarded_for[1:]} It is used **only when you need it** "
        f"for the {achievement}: {all_items}your base score is below "
        f"{fmt(r.achievement_min_points)}, and base plus bonus reaches {fmt(r.achievement_min_points)}. "
        f"Otherwise it is not added.",
        f"- **{participation}**: you did not earn Achievement, you completed at least "
        f"**{r.participation_min_items} of the {n} items**, and your base score is at least "
        f"**{fmt(r.participation_min_points)}**.",
        f"- Otherwise, {r.label('none')[0].lower() + r.label('none')[1:]}.\n",
        f"Scores are compared exactly, with no rounding: {fmt(r.achievement_min_points - 0.5)} is below "
        f"{fmt(r.achievement_min_points)}." + (
            f" So {fmt(r.achievement_min_points)} points with the essay missing earns a {participation}, "
            "not Achievement." if r.achievement_requires_all_items else ""),
    ])


def score_sheet_columns(site: Site) -> str:
    """The score sheet's header, exactly as the grader reads it."""
    return "`" + ",".join(sheet_columns(site.course)) + "`"


def score_ranges(site: Site) -> str:
    """What each score column holds, with the maxima from course.yml."""
    a = site.course.assessment
    criteria = ", ".join(f"`{c.column}` (0 to {fmt(c.max_points)})" for c in a.essay_criteria)
    return "\n".join([
        f"- `quiz_1` … `quiz_{a.quiz_count}`: the number of correct answers, a whole number from 0 to "
        f"{a.quiz_questions} (`7` and `7.0` are both accepted; `7.5` is not).",
        f"- `group_work` (0 to {fmt(a.group_work_max)}), the essay criteria {criteria} and "
        f"`participation_bonus` (0 to {fmt(a.bonus_max)}): any number in range, with a decimal point or a "
        "decimal comma (`12.5` or `12,5`).",
    ])


def engagement_bands(site: Site) -> str:
    rows = ["| Band | Items completed (of "
            f"{site.course.assessment.item_count}) |", "|---|---|"]
    for b in site.course.engagement_bands:
        span = str(b.min_items) if b.min_items == b.max_items else f"{b.min_items} to {b.max_items}"
        rows.append(f"| {b.label} ({b.description}) | {span} |")
    return "\n".join(rows)


def glossary(site: Site) -> str:
    """The glossary: an A to Z index of letters, then every term under its letter, with its source."""
    by_letter: dict[str, list] = {}
    for t in site.content.glossary:
        by_letter.setdefault(t.name[0].upper(), []).append(t)
    index = " · ".join(f"[{letter}](#letter-{letter.lower()})" for letter in by_letter)
    out = [f'<nav class="course-glossary-index" aria-label="Glossary from A to Z" markdown>\n{index}\n</nav>\n']
    for letter, terms in by_letter.items():
        out.append(f"## {letter} {{: #letter-{letter.lower()} }}\n")
        for t in terms:
            name = f"{t.short} ({t.term})" if t.short else t.term
            source = f"Source: {t.source}." if t.source else "The course's own definition."
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
    rows = [("Country", study.country), ("Policy", study.policy), ("Year(s)", years(study)),
            ("Lead institution", study.lead_institution),
            ("Steps it illustrates", "; ".join(f"{module_link(site, site.course.step(s.number).module, f'Step {s.number}')}: "
                                               f"{site.course.step(s.number).name}" for s in study.steps)),
            ("Phases of a participatory assessment",
             "; ".join(module_link(site, phase_modules[p], phases[p]) for p in study.assessment_phases)
             or "none in the sources"),
            ("Sources", "; ".join(str(c) for c in study.sources))]
    lines = ['!!! info "Facts at a glance"', "", "    | Fact | From the sources |", "    |---|---|"]
    lines += [f"    | **{k}** | {v} |" for k, v in rows]
    return "\n".join(lines) + "\n"


def case_study_table(site: Site) -> str:
    """The three countries against the six steps, generated from the case studies' front matter."""
    studies = site.content.case_studies
    head = "| Country | " + " | ".join(f"[{s.country}]({site.link(s.page)})" for s in studies) + " |"
    rows = [head, "|---" * (len(studies) + 1) + "|",
            "| **Policy** | " + " | ".join(s.policy for s in studies) + " |",
            "| **Year(s)** | " + " | ".join(years(s) for s in studies) + " |",
            "| **Lead institution** | " + " | ".join(s.lead_institution for s in studies) + " |"]
    for step in site.course.steps:
        cells = [(s.step(step.number).how if s.step(step.number) else "—") for s in studies]
        label = module_link(site, step.module, f"Step {step.number}")
        rows.append(f"| **{label}**: {step.name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def rubric(criteria, heading: str) -> str:
    out = []
    for c in criteria:
        out.append(f"{heading} {c.title} (0 to {fmt(c.max_points)} points)\n")
        out.append(f"*What the tutor looks at:* {c.looks_for}\n")
        out.append("| Points | What the work shows |\n|---|---|")
        out.extend(f"| {b.label} | {b.descriptor} |" for b in c.bands)
        out.append("")
    return "\n".join(out)


def essay_rubric(site: Site, heading: str = "###") -> str:
    """The essay rubric: course.yml's criteria, with the band descriptors of course/content/rubrics.yml."""
    return rubric(site.content.rubrics.essay, heading)


def group_work_rubric(site: Site, heading: str = "###") -> str:
    """The group-work rubric; its criteria add up to course.yml's group-work points."""
    return rubric(site.content.rubrics.group_work, heading)


def rubric_summary(site: Site, which: str) -> str:
    """A one-table overview of a rubric's criteria and points, with the total."""
    criteria = {"essay": site.content.rubrics.essay, "group_work": site.content.rubrics.group_work}[which]
    rows = ["| Criterion | Points |", "|---|---|"]
    rows += [f"| {c.title} | 0 to {fmt(c.max_points)} |" for c in criteria]
    rows.append(f"| **Total** | **0 to {fmt(sum(c.max_points for c in criteria))}** |")
    return "\n".join(rows)


def essay_words(site: Site) -> str:
    """The essay's length, e.g. "1,500 to 2,500", from course.yml."""
    fewest, most = site.course.assessment.essay_words
    return f"{fewest:,} to {most:,}"


# --- Policy coherence: the participatory assessment's tools (course/content/tools/*.yml, source 000) ---
def tool_block(tool_id: str, body: str, citation) -> str:
    """A tool wrapped so tests and print styles can find it; Markdown inside is still rendered."""
    return (f'<div class="course-tool" data-tool="{tool_id}" markdown>\n\n{body}\n\n'
            f'*Source: {citation}.*\n{{: .course-source }}\n\n</div>')


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
    return "\n".join(f'{p.number}. **Principle {p.number}: {p.name}.**\n\n    > "{p.text}"\n'
                     for p in site.content.principles)


def principle_actions(site: Site) -> str:
    """Table 6: for each principle, the challenges, actions and responsible institutions."""
    out = []
    for p in site.content.principles:
        out.append(f"**Principle {p.number}: {p.name}**\n")
        out.append("| Challenge to coherence | Actions | Responsible institutions |\n|---|---|---|")
        out += [f"| {c.challenge} | {' '.join(c.actions)} | {', '.join(c.responsible)} |" for c in p.challenges]
        out.append("")
    return "\n".join(out)


def questionnaire(site: Site, questionnaire_id: str) -> str:
    """One question list as a numbered table, with the institutions to address where the manual says."""
    q = site.content.questionnaires[questionnaire_id]
    asks = any(x.ask for x in q.questions)
    rows = ["| No. | Question | Institutions to address |", "|---|---|---|"] if asks else \
           ["| No. | Question |", "|---|---|"]
    for i, x in enumerate(q.questions, 1):
        cell = (", ".join(x.ask) if x.ask else "*Not clear in the manual's table: choose yourself.*")
        rows.append(f"| {i} | {x.text} | {cell} |" if asks else f"| {i} | {x.text} |")
    intro = f"{q.intro}\n\n" if q.intro else ""
    return tool_block(q.id, intro + "\n".join(rows), q.source)


def focus_group_minutes(site: Site) -> int:
    """How long Annex 2's four sessions take together."""
    return sum(s.minutes for s in site.content.focus_groups.sessions)


def focus_groups(site: Site) -> str:
    """The three focus-group scripts of Annex 2, session by session."""
    fg = site.content.focus_groups
    out = ["| Session | Minutes |", "|---|---|"]
    out += [f"| {s.name} | {s.minutes} |" for s in fg.sessions]
    out.append(f"| **In all** | **{focus_group_minutes(site)}** |\n")
    out.append(f"### What the facilitator says in {fg.sessions[0].name[0].lower()}{fg.sessions[0].name[1:]}\n")
    out += [f"{i}. {step}" for i, step in enumerate(fg.introduction, 1)]
    blocks = ["\n".join(out)]
    for g in fg.groups:
        body = [f"## {g.title}\n", f"- **Target:** {g.target}", f"- **Participants:** {g.participants}",
                f"- **Requirements:** {g.requirements}", "- **Objectives:**"]
        body += [f"    - {o}" for o in g.objectives]
        body.append("")
        if g.note:
            body.append(f'!!! note "Tip from the manual"\n    {g.note}\n')
        body.append(f"**{fg.sessions[0].name}** ({fg.sessions[0].minutes} minutes): the introduction above.\n")
        for s in fg.sessions[1:]:
            questions = g.questions.get(s.id, ())
            body.append(f"**{s.name}** ({s.minutes} minutes)\n")
            body += [f"{i}. {text}" for i, text in enumerate(questions, 1)]
            body.append("")
        body.append("Close by thanking the participants for their time.")
        blocks.append(tool_block(g.id, "\n".join(body), fg.source))
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
    return tool_block(o.id, "\n".join(out), o.source)


def swot_grid(site: Site) -> str:
    """One empty SWOT grid per guiding principle, to fill in at the workshop."""
    o = site.content.outlines["swot-grid"]
    out = [o.intro + "\n", "| Part of the grid | Question to ask |", "|---|---|"]
    out += [f"| **{s.heading}** | {s.text} |" for s in o.sections]
    out.append("")
    names = [s.heading for s in o.sections]
    for p in site.content.principles:
        out.append(f"## Principle {p.number}: {p.name}\n")
        out.append(f'"{p.text}"\n')
        for pair in (names[:2], names[2:]):
            out.append("| " + " | ".join(pair) + " |\n|" + "---|" * len(pair))
            out.append("| " + " | ".join(" " for _ in pair) + " |\n")
    return tool_block("swot-grid", "\n".join(out), o.source)


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
                     f'{feedback}<p class="course-source">Source: {escape(str(q.source))}.</p></fieldset></li>')
    # The form's main action is its submit button (Enter in a field runs it too): check, or hand in.
    check = ('<button type="submit" class="md-button md-button--primary course-quiz__check">'
             'Check my answers</button>') if practice else ""
    a = site.course.assessment
    marked = (f"Your tutor marks the file you hand in: {fmt(a.points_per_correct)} points for each correct answer, "
              f"{fmt(a.quiz_max)} for the quiz, {fmt(a.quizzes_max)} for the {a.quiz_count} quizzes. "
              "A quiz handed in counts as completed, even with no correct answer; an unanswered question "
              "scores nothing.")
    if practice:
        mode = ('<p class="course-quiz__mode"><strong>Practice edition.</strong> '
                'Pressing <strong>Check my answers</strong> is practice: it shows which answers are right, '
                'with an explanation. If you then download your answers, the file says that you checked '
                f'them first, and your tutor may see it. {marked}</p>')
    else:
        mode = ('<p class="course-quiz__mode"><strong>Graded edition.</strong> '
                f'This site does not show the right answers. {marked} Your tutor tells you your score.</p>')
    intro = (f'<div class="course-quiz__intro"><p>{len(quiz.questions)} questions. Choose one answer for each. '
             'Your answers are kept in this browser, on this device, until you clear them.</p>'
             f'{mode}'
             '<p>To hand in the quiz, enter your Trainee ID, press <strong>Download my answers</strong> and send '
             f'the file it saves (<code>{escape(ANSWER_FILE_NAME.format(quiz=key, trainee_id="<your ID>"))}</code>) to your tutor, as your tutor '
             'asked: by e-mail, on a USB stick or in a shared folder.</p></div>')
    trainee = (f'<div class="course-quiz__trainee">'
               f'<p><label for="{key}-trainee-id">Trainee ID</label>'
               f'<input type="text" id="{key}-trainee-id" class="course-quiz__trainee-id" autocomplete="off" '
               f'spellcheck="false" aria-describedby="{key}-trainee-id-error">'
               f'<span class="course-quiz__error" id="{key}-trainee-id-error"></span></p>'
               f'<p><label for="{key}-name">Name</label>'
               f'<input type="text" id="{key}-name" class="course-quiz__name" autocomplete="name"></p></div>')
    actions = (f'<div class="course-quiz__actions">{check}'
               f'<button type="{"button" if site.quiz_mode == "practice" else "submit"}" '
               'class="md-button course-quiz__download">Download my answers</button>'
               '<button type="button" class="md-button course-quiz__clear">Clear my answers</button></div>'
               '<div class="course-quiz__unanswered" hidden>'
               '<p class="course-quiz__unanswered-text" tabindex="-1"></p>'
               '<p><button type="button" class="md-button course-quiz__download-anyway">Download anyway</button> '
               '<button type="button" class="md-button course-quiz__answer-first">Answer them first</button></p>'
               '</div>'
               '<p class="course-quiz__status" role="status" aria-live="polite"></p>')
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (f"# Quiz {quiz.week}: {quiz.title}\n\n"
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
    blocks = []
    for n, e in enumerate(found[module_id], 1):
        if e.course_own:
            origin = "This model answer is the course's own example" + (
                f", built on {escape(str(e.source))}." if e.source else ".")
        else:
            origin = f"Source: {escape(str(e.source))}."
        if graded:
            reveal = ('<p class="course-exercise__graded">In this edition of the course the model answers are '
                      'not shown. Keep your answer: your tutor may discuss the exercises with you.</p>')
        else:
            points = "\n".join(f"- {p}" for p in e.good_answer_contains)
            reveal = (f'<details class="course-exercise__model" markdown>\n'
                      f'<summary>Show the model answer</summary>\n\n{e.model_answer}\n\n'
                      f'**A good answer contains:**\n\n{points}\n\n</details>')
        blocks.append(
            f'<div class="course-exercise" id="exercise-{e.id}" data-exercise="{e.id}" markdown>\n\n'
            f'### Exercise {n}: {e.title}\n\n'
            f'<p class="course-exercise__kind">{e.kind_label}</p>\n\n'
            f'**The situation.** {e.scenario}\n\n'
            f'**Your task.** {e.task}\n\n'
            f'{_answer_box(answer_key("exercise", e.id), f"answer-{e.id}", "Your answer (write it before you look at the model answer)", 7)}\n\n'
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
    return (f'Write your answers here. They are kept in this browser and gathered on the '
            f'[Workbook]({site.link("workbook.md")}) page, in course order, as the first draft of your final essay.\n\n'
            f'<ol class="course-workbook">{_workbook_entries(questions[module_id])}</ol>')


def workbook_page(site: Site) -> str:
    """Every workbook question, module by module in course order, with the trainee's answers to edit."""
    questions = site.content.workbook
    modules = [a for w in site.course.weeks for a in w.activities if a.id in questions]
    unknown = sorted(set(questions) - {a.id for a in modules})
    if unknown:
        raise ValueError(f"course/content/workbook.yml: {', '.join(unknown)}: not an activity of course.yml")
    out = ['<div class="course-workbook__actions">'
           '<button type="button" class="md-button md-button--primary course-workbook__download">'
           'Download my workbook</button>'
           '<button type="button" class="md-button course-workbook__print">Print my workbook</button>'
           '<div class="course-workbook__summary" role="status"></div></div>']
    for a in modules:
        # Plain Markdown heading (in the page's contents); the list after it is raw HTML.
        out.append(f"## {a.title} {{: .course-workbook__module }}\n\n"
                   f"Week {site.course.week_of(a.id).number} · [Open the module]({site.link(a.page)})\n")
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
    out = [f'!!! note "The course\'s own template"\n    The guide describes what this template should hold '
           f"({t.basis}), but the version used for this course does not reproduce such a template. This "
           f"one is the course's own.\n",
           t.intro + "\n",
           "**What to write in each column**\n"]
    out += [f"- **{c.name}**: {c.guidance}" for c in t.columns]
    out += ["", f'<div class="course-template" data-template="{t.id}" markdown>\n', _row(names), rule]
    out += [_row(list(r) + [blank] * (len(names) - len(r))) for r in t.rows]
    out += ["", "</div>\n", "## A filled-in example (the course's own)\n",
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
    """Load the course once per build (`mkdocs serve` rebuilds in one process) and register every macro.

    A CourseDataError fails the build with its message: every problem, with file and field.
    """
    quiz_mode = str((env.conf.get("extra") or {}).get("quiz_mode") or "practice")
    if quiz_mode not in QUIZ_MODES:
        raise ValueError(f"extra.quiz_mode (QUIZ_MODE) is {quiz_mode!r}; use one of: {', '.join(QUIZ_MODES)}")
    site = Site(load(ROOT, str(env.conf["theme"]["language"])), quiz_mode, env)   # mkdocs.<lang>.yml
    env.variables["course"] = site.course
    # The course file's format and the storage key prefix, as course-file.js reads them from the page data.
    env.variables["course_file_format"] = {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION,
                                           "prefix": STORAGE_PREFIX}
    env.filter(fmt)
    for macro in MACROS:
        env.macro(partial(macro, site), macro.__name__)
