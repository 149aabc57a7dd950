"""The thin MkDocs adapter: turns `course` objects into page content. No course rules live here."""

from __future__ import annotations

import json
import posixpath
from html import escape

from course.case_studies import load_case_studies
from course.checklists import load_checklists
from course.course_file import COURSE_FILE_FORMAT, COURSE_FILE_VERSION, STORAGE_PREFIX
from course.definition import load_course
from course.glossary import load_glossary
from course.objectives import load_objectives
from course.quizzes import load_quiz_bank
from course.rubrics import load_rubrics
from course.sources import Citation, documents
from course.tools import load_focus_groups, load_outline, load_principles, load_questionnaires

# Every loader caches what it read; `mkdocs serve` rebuilds in one process, so each build starts afresh.
# A loader's CourseDataError fails the build with its message: every problem, with file and field.
LOADERS = (load_course, load_checklists, load_glossary, documents, load_quiz_bank, load_case_studies,
           load_rubrics, load_focus_groups, load_outline, load_principles, load_questionnaires, load_objectives)

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
    if any(a.page == uri for a in env.variables["course"].activities()):
        env.markdown += "\n\n" + env.macros["next_step"]() + "\n"


def cite(citation: Citation) -> str:
    """The compact marker of a citation, linked to its full reference in the page's Sources section."""
    number = cited.setdefault(citation, len(cited) + 1)
    full = escape(f"{citation.document.full}: {citation.where}", quote=True)
    return (f'<a class="course-cite" href="#source-{number}" title="{full}">'
            f'[{escape(citation.marker)}]</a>')


def define_env(env):
    for loader in LOADERS:
        loader.cache_clear()
    course = load_course()
    env.variables["course"] = course
    # The course file's format and the storage key prefix, as course-file.js reads them from the page data.
    env.variables["course_file_format"] = {"format": COURSE_FILE_FORMAT, "version": COURSE_FILE_VERSION,
                                           "prefix": STORAGE_PREFIX}
    used_ids: dict[str, int] = {}
    quiz_mode = str((env.conf.get("extra") or {}).get("quiz_mode") or "practice")
    if quiz_mode not in QUIZ_MODES:
        raise ValueError(f"extra.quiz_mode (QUIZ_MODE) is {quiz_mode!r}; use one of: {', '.join(QUIZ_MODES)}")

    def page_path() -> str:
        return env.page.file.src_uri if env.page else ""

    def link(target: str) -> str:
        """A link from the current page to a docs-relative target."""
        return posixpath.relpath(target, posixpath.dirname(page_path()) or ".")

    def fmt(number: float) -> str:
        return f"{number:g}"

    env.filter(fmt)

    @env.macro
    def checklist(checklist_id: str) -> str:
        """Render a shared checklist as a labelled group of checkboxes whose ticks persist."""
        checklists = load_checklists()
        if checklist_id not in checklists:
            raise ValueError(f"checklist({checklist_id!r}): no such checklist in course/checklists/ "
                             f"(known: {', '.join(sorted(checklists))})")
        c = checklists[checklist_id]
        key = f"{page_path()}#{c.id}"
        used_ids[key] = used_ids.get(key, 0) + 1
        dom = c.id if used_ids[key] == 1 else f"{c.id}-{used_ids[key]}"
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

    def module_link(activity_id: str, text: str) -> str:
        """A Markdown link to an activity's page (plain text if it has none)."""
        page = course.activity(activity_id).page
        return f"[{text}]({link(page)})" if page else text

    @env.macro
    def module_intro(module_id: str) -> str:
        """The week and study time of a module, from course.yml (so they add up to the syllabus)."""
        activity = course.activity(module_id)
        week = course.week_of(module_id)
        hours = f'{fmt(activity.hours)} hour{"s" if activity.hours != 1 else ""}'
        return (f"**Week {week.number}** · Study time: about {hours} · [Syllabus]({link('syllabus.md')})\n"
                "{: .course-module-intro }")

    @env.macro
    def objectives(module_id: str) -> str:
        """The "What you will be able to do" list of a module, from objectives.yml."""
        by_module = load_objectives()
        if module_id not in by_module:
            raise ValueError(f"objectives({module_id!r}): no such module in course/objectives.yml "
                             f"(known: {', '.join(by_module)})")
        return "\n".join(f"- {o.text}" for o in by_module[module_id])

    @env.macro
    def step_name(number: int) -> str:
        """The name of one of the six steps, exactly as the ILO guide gives it."""
        return course.step(number).name

    @env.macro
    def syllabus() -> str:
        """The six weeks, their activities and study hours, from course.yml; progress.js fills the last column."""
        out = []
        for w in course.weeks:
            out.append(f"## Week {w.number}: {w.title}\n\n{w.summary}\n")
            out.append("| Activity | Study time | Your progress |\n|---|---|---|")
            for a in w.activities:
                title = f"[{a.title}]({link(a.page)})" if a.page else a.title
                out.append(f'| {title} | {fmt(a.hours)} h | <span class="course-progress__status" '
                           f'data-activity="{a.id}"></span> |')
            out.append(f"| **Week {w.number} in all** | **{fmt(w.hours)} h** | |\n")
        out.append(f"**Total: {fmt(sum(w.hours for w in course.weeks))} hours over {len(course.weeks)} weeks.**")
        return "\n".join(out)

    @env.macro
    def agenda_2022() -> str:
        """The live sessions of the 2022 course, week by week: a note for tutors who run a live cohort."""
        out = []
        for w in course.weeks:
            if w.sessions_2022:
                out.append(f"- **Week {w.number}: {w.title}**")
                out.extend(f"    - {s.date:%d %B %Y}: {s.title}" for s in w.sessions_2022)
        return "\n".join(out)

    def activity_here():
        return next((a for a in course.activities() if a.page and a.page == page_path()), None)

    @env.macro
    def next_step() -> str:
        """The end of an activity page: mark it finished, and what comes next in course.yml's order."""
        here = activity_here()
        if here is None:
            raise ValueError(f"next_step(): {page_path()} is not the page of an activity in course.yml")
        order = [a for a in course.activities() if a.page]
        later = order[order.index(here) + 1:]
        week = course.week_of(here.id)
        finish = ("" if here.kind == "quiz" else
                  '<p><button type="button" class="md-button course-finished" aria-describedby="course-finished-status">'
                  'I have finished this</button></p>\n'
                  '<p class="course-finished__status" id="course-finished-status" role="status"></p>\n')
        if not later:
            then = ("This is the last activity of the course. The [home page](" + link("index.md") + ") shows "
                    "what you have finished and what is left.")
        else:
            nxt = later[0]
            nweek = course.week_of(nxt.id)
            hours = f'about {fmt(nxt.hours)} hour{"s" if nxt.hours != 1 else ""}'
            where = (f"Next in week {week.number}" if nweek.number == week.number
                     else f"Week {week.number} ends here. Week {nweek.number} begins with")
            then = f"{where}: [{nxt.title}]({link(nxt.page)}), {hours}."
        return (f'<div class="course-next-step" data-activity="{here.id}" markdown>\n\n'
                f'## Your next step\n\n{finish}{then}\n\n</div>\n')

    @env.macro
    def my_course_file() -> str:
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
            'from this browser?</strong> This removes your progress, ticks, quiz answers, Trainee ID and name, '
            'for every edition of the course. Save your work to a file first if you want to keep it.</p>'
            '<p><button type="button" class="md-button md-button--primary course-file__forget-yes">'
            'Yes, forget me</button> '
            '<button type="button" class="md-button course-file__forget-no">Cancel</button></p></div>'
            '<p class="course-file__status" role="status" aria-live="polite"></p></div>\n'
            # course-file.js only where its controls are: other pages stay lighter
            f'<script src="{link("assets/javascripts/course-file.js")}"></script>\n')

    @env.macro
    def progress_overview() -> str:
        """Home: each week's activities with their progress (filled in by progress.js), and where to go on."""
        out = ['<div class="course-progress" markdown>\n',
               '<p class="course-progress__continue" role="status"></p>\n']
        for w in course.weeks:
            out.append(f"### Week {w.number}: {w.title}\n")
            out.append(f'<p class="course-progress__week" data-week="{w.number}"></p>\n')
            for a in w.activities:
                title = f"[{a.title}]({link(a.page)})" if a.page else a.title
                out.append(f'- {title} · <span class="course-progress__status" data-activity="{a.id}"></span>')
            out.append("")
        out.append("</div>\n")
        return "\n".join(out)

    @env.macro
    def weeks_at_a_glance() -> str:
        rows = ["| Week | Topic | Hours |", "|---|---|---|"]
        rows += [f"| {w.number} | {w.title} | {fmt(w.hours)} |" for w in course.weeks]
        return "\n".join(rows)

    @env.macro
    def assessment_table() -> str:
        """What is assessed and how many points each item gives."""
        a = course.assessment
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

    @env.macro
    def certificate_rules() -> str:
        """The certificate rules in plain words, with the thresholds from course.yml."""
        a, r = course.assessment, course.certificates
        n = a.item_count
        return "\n".join([
            f"Your **base score** is your quiz points plus your group work plus your essay, out of "
            f"{fmt(a.base_max)}. There are **{n} assessed items**: the {a.quiz_count} quizzes, the group work "
            f"and the essay.\n",
            f"- **Certificate of Achievement**: you completed all {n} items and your base score is at least "
            f"**{fmt(r.achievement_min_points)}**.",
            f"- **Participation bonus**: tutors may award up to {fmt(a.bonus_max)} points for "
            f"{a.bonus_awarded_for[0].lower() + a.bonus_awarded_for[1:]} It is used **only when you need it** "
            f"for the Certificate of Achievement: you completed all {n} items, your base score is below "
            f"{fmt(r.achievement_min_points)}, and base plus bonus reaches {fmt(r.achievement_min_points)}. "
            f"Otherwise it is not added.",
            f"- **Certificate of Participation**: you did not earn Achievement, you completed at least "
            f"**{r.participation_min_items} of the {n} items**, and your base score is at least "
            f"**{fmt(r.participation_min_points)}**.",
            "- Otherwise, no certificate.\n",
            f"Scores are compared exactly, with no rounding: {fmt(r.achievement_min_points - 0.5)} is below "
            f"{fmt(r.achievement_min_points)}. So {fmt(r.achievement_min_points)} points with the essay missing "
            f"earns a Certificate of Participation, not Achievement.",
        ])

    @env.macro
    def engagement_bands() -> str:
        rows = ["| Band | Items completed (of "
                f"{course.assessment.item_count}) |", "|---|---|"]
        for b in course.engagement_bands:
            span = str(b.min_items) if b.min_items == b.max_items else f"{b.min_items} to {b.max_items}"
            rows.append(f"| {b.label} ({b.description}) | {span} |")
        return "\n".join(rows)

    @env.macro
    def glossary() -> str:
        out = []
        for t in load_glossary():
            out.append(f"{t.term}\n:   {t.definition} *Source: {t.source}.*\n")
        return "\n".join(out)

    @env.macro
    def source(document: str, where: str) -> str:
        """An inline citation: `{{ source("001", "Step 1, Box 3") }}` gives a marker "[001, Step 1, Box 3]"."""
        docs = documents()
        if document not in docs:
            raise ValueError(f"source({document!r}, ...): unknown document (known: {', '.join(docs)})")
        return cite(Citation(docs[document], where))

    @env.macro
    def page_sources() -> str:
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

    @env.macro
    def source_list() -> str:
        return "\n".join(f"- **{d.key}**: {d.full}" for d in documents().values())

    # --- Case studies, group work and final assignment (course/case_studies.py, course/rubrics.py) ---
    def years(study) -> str:
        return ", ".join(map(str, study.years))

    @env.macro
    def case_study_facts() -> str:
        """The facts box of the current case-study page, from its front matter."""
        name = posixpath.splitext(posixpath.basename(page_path()))[0]
        study = next((s for s in load_case_studies() if s.name == name), None)
        if study is None:
            raise ValueError(f"case_study_facts(): {page_path()} is not a case study in case_studies/")
        phases = {p.id: p.name for p in course.assessment_phases}
        phase_modules = {p.id: p.module for p in course.assessment_phases}
        rows = [("Country", study.country), ("Policy", study.policy), ("Year(s)", years(study)),
                ("Lead institution", study.lead_institution),
                ("Steps it illustrates", "; ".join(f"{module_link(course.step(s.number).module, f'Step {s.number}')}: "
                                                   f"{course.step(s.number).name}" for s in study.steps)),
                ("Phases of a participatory assessment",
                 "; ".join(module_link(phase_modules[p], phases[p]) for p in study.assessment_phases)
                 or "none in the sources"),
                ("Sources", "; ".join(str(c) for c in study.sources))]
        lines = ['!!! info "Facts at a glance"', "", "    | Fact | From the sources |", "    |---|---|"]
        lines += [f"    | **{k}** | {v} |" for k, v in rows]
        return "\n".join(lines) + "\n"

    @env.macro
    def case_study_table() -> str:
        """The three countries against the six steps, generated from the case studies' front matter."""
        studies = load_case_studies()
        head = "| Country | " + " | ".join(f"[{s.country}]({link(s.page)})" for s in studies) + " |"
        rows = [head, "|---" * (len(studies) + 1) + "|",
                "| **Policy** | " + " | ".join(s.policy for s in studies) + " |",
                "| **Year(s)** | " + " | ".join(years(s) for s in studies) + " |",
                "| **Lead institution** | " + " | ".join(s.lead_institution for s in studies) + " |"]
        for step in course.steps:
            cells = [(s.step(step.number).how if s.step(step.number) else "—") for s in studies]
            label = module_link(step.module, f"Step {step.number}")
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

    @env.macro
    def essay_rubric(heading: str = "###") -> str:
        """The essay rubric: course.yml's criteria, with the band descriptors of course/rubrics.yml."""
        return rubric(load_rubrics().essay, heading)

    @env.macro
    def group_work_rubric(heading: str = "###") -> str:
        """The group-work rubric; its criteria add up to course.yml's group-work points."""
        return rubric(load_rubrics().group_work, heading)

    @env.macro
    def rubric_summary(which: str) -> str:
        """A one-table overview of a rubric's criteria and points, with the total."""
        criteria = {"essay": load_rubrics().essay, "group_work": load_rubrics().group_work}[which]
        rows = ["| Criterion | Points |", "|---|---|"]
        rows += [f"| {c.title} | 0 to {fmt(c.max_points)} |" for c in criteria]
        rows.append(f"| **Total** | **0 to {fmt(sum(c.max_points for c in criteria))}** |")
        return "\n".join(rows)

    @env.macro
    def essay_words() -> str:
        """The essay's length, e.g. "1,500 to 2,500", from course.yml."""
        fewest, most = course.assessment.essay_words
        return f"{fewest:,} to {most:,}"

    # --- Policy coherence: the participatory assessment's tools (course/tools/*.yml, source 000) ---
    def tool_block(tool_id: str, body: str, citation) -> str:
        """A tool wrapped so tests and print styles can find it; Markdown inside is still rendered."""
        return (f'<div class="course-tool" data-tool="{tool_id}" markdown>\n\n{body}\n\n'
                f'*Source: {citation}.*\n{{: .course-source }}\n\n</div>')

    @env.macro
    def assessment_phases() -> str:
        """The phases of the participatory assessment, in order, linked to their modules."""
        out = []
        for i, p in enumerate(course.assessment_phases, 1):
            page = course.activity(p.module).page
            out.append(f"{i}. [{p.name}]({link(page)})" if page else f"{i}. {p.name}")
        return "\n".join(out)

    @env.macro
    def coherence_principles() -> str:
        """Box 1's eight guiding principles, with the course's short name for each."""
        # Box 1's words set apart as a quotation: kept verbatim, so not held to the course's sentence lengths
        return "\n".join(f'{p.number}. **Principle {p.number}: {p.name}.**\n\n    > "{p.text}"\n'
                          for p in load_principles())

    @env.macro
    def principle_actions() -> str:
        """Table 6: for each principle, the challenges, actions and responsible institutions."""
        out = []
        for p in load_principles():
            out.append(f"**Principle {p.number}: {p.name}**\n")
            out.append("| Challenge to coherence | Actions | Responsible institutions |\n|---|---|---|")
            out += [f"| {c.challenge} | {' '.join(c.actions)} | {', '.join(c.responsible)} |" for c in p.challenges]
            out.append("")
        return "\n".join(out)

    @env.macro
    def questionnaire(questionnaire_id: str) -> str:
        """One question list as a numbered table, with the institutions to address where the manual says."""
        q = load_questionnaires()[questionnaire_id]
        asks = any(x.ask for x in q.questions)
        rows = ["| No. | Question | Institutions to address |", "|---|---|---|"] if asks else \
               ["| No. | Question |", "|---|---|"]
        for i, x in enumerate(q.questions, 1):
            cell = (", ".join(x.ask) if x.ask else "*Not clear in the manual's table: choose yourself.*")
            rows.append(f"| {i} | {x.text} | {cell} |" if asks else f"| {i} | {x.text} |")
        intro = f"{q.intro}\n\n" if q.intro else ""
        return tool_block(q.id, intro + "\n".join(rows), q.source)

    @env.macro
    def focus_group_minutes() -> int:
        """How long Annex 2's four sessions take together."""
        return sum(s.minutes for s in load_focus_groups().sessions)

    @env.macro
    def focus_groups() -> str:
        """The three focus-group scripts of Annex 2, session by session."""
        fg = load_focus_groups()
        out = ["| Session | Minutes |", "|---|---|"]
        out += [f"| {s.name} | {s.minutes} |" for s in fg.sessions]
        out.append(f"| **In all** | **{focus_group_minutes()}** |\n")
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

    @env.macro
    def outline(name: str) -> str:
        """A fill-in document (terms of reference, report outline) from course/tools/<name>.yml."""
        o = load_outline(name)
        out = [o.intro + "\n"] if o.intro else []
        for s in o.sections:
            out.append(f"### {s.heading}\n")
            if s.text:
                out.append(s.text + "\n")
            out += [f"- {item}" for item in s.items]
            out.append("")
        return tool_block(o.id, "\n".join(out), o.source)

    @env.macro
    def swot_grid() -> str:
        """One empty SWOT grid per guiding principle, to fill in at the workshop."""
        o = load_outline("swot-grid")
        out = [o.intro + "\n", "| Part of the grid | Question to ask |", "|---|---|"]
        out += [f"| **{s.heading}** | {s.text} |" for s in o.sections]
        out.append("")
        names = [s.heading for s in o.sections]
        for p in load_principles():
            out.append(f"### Principle {p.number}: {p.name}\n")
            out.append(f'"{p.text}"\n')
            for pair in (names[:2], names[2:]):
                out.append("| " + " | ".join(pair) + " |\n|" + "---|" * len(pair))
                out.append("| " + " | ".join(" " for _ in pair) + " |\n")
        return tool_block("swot-grid", "\n".join(out), o.source)

    @env.macro
    def quiz_page(key: str) -> str:
        """A week's quiz from quizzes/<key>.yml; the key and explanations only in practice mode."""
        bank = load_quiz_bank()
        if key not in bank.quizzes:
            raise ValueError(f"quiz_page({key!r}): no such quiz in quizzes/ (known: {', '.join(bank.quizzes)})")
        quiz = bank.quiz(key)
        practice = quiz_mode == "practice"
        data = {"quiz": quiz.key, "edition": quiz.edition, "mode": quiz_mode}
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
        a = course.assessment
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
                 f'the file it saves (<code>quiz-{key}-&lt;your ID&gt;.json</code>) to your tutor, as your tutor '
                 'asked: by e-mail, on a USB stick or in a shared folder.</p></div>')
        trainee = (f'<div class="course-quiz__trainee">'
                   f'<p><label for="{key}-trainee-id">Trainee ID</label>'
                   f'<input type="text" id="{key}-trainee-id" class="course-quiz__trainee-id" autocomplete="off" '
                   f'spellcheck="false" aria-describedby="{key}-trainee-id-error">'
                   f'<span class="course-quiz__error" id="{key}-trainee-id-error"></span></p>'
                   f'<p><label for="{key}-name">Name</label>'
                   f'<input type="text" id="{key}-name" class="course-quiz__name" autocomplete="name"></p></div>')
        actions = (f'<div class="course-quiz__actions">{check}'
                   f'<button type="{"button" if practice else "submit"}" class="md-button course-quiz__download">'
                   'Download my answers</button>'
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
                f'data-mode="{quiz_mode}">{intro}<form class="course-quiz__form" novalidate>{trainee}'
                f'<ol class="course-quiz__questions">{"".join(items)}</ol>{actions}</form>'
                f'<script type="application/json" class="course-quiz__data">{payload}</script></div>\n'
                # quiz.js only where there is a quiz: other pages stay lighter on a weak connection
                f'<script src="{link("assets/javascripts/quiz.js")}"></script>\n')
