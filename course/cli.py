"""The tutor's command line: `course …` (also `python -m course …`). Thin: the work is in the library."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import click

# Each command imports what only it needs (certificates, reports, exports): `course grade` starts fast.
from .content import load, shared_root
from .content.definition import load_course
from .content.languages import LANGUAGES, SOURCE
from .content.ui import load_ui
from .content.quizzes import load_quiz_bank
from .errors import CourseError
from .grading.gradebook import graded, load_answers
from .grading.scoresheet import ScoreSheet
from .publishing.files import atomic_file
from .publishing.results import BYTE_ORDER_MARK, RESULTS_ENCODING, Tally, write_results_csv, write_results_xlsx


def _fail(exc: CourseError) -> None:
    for problem in exc.problems:
        click.echo(f"Error: {problem}", err=True)
    sys.exit(1)


@contextlib.contextmanager
def _user_errors():
    """Problems a tutor can fix become `Error: …` lines and exit code 1, never a traceback."""
    try:
        yield
    except CourseError as exc:
        _fail(exc)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(CourseError(f"{where}{exc.strerror or exc}"))


# Options shared by every grading command, defined once.
def grading_options(command):
    command = click.option("--quizzes", "quiz_dir", type=click.Path(file_okay=False, path_type=Path),
                           hidden=True, envvar="COURSE_QUIZZES",
                           help="The quiz bank to score answer files against (default: the course's quizzes/).")(command)
    command = click.option("--answers", "answers_dir", metavar="DIR",
                           type=click.Path(file_okay=False, path_type=Path),
                           help="Folder of the quiz answer files trainees handed in; they fill the blank quiz_N "
                                "cells.")(command)
    command = click.option("--map", "mapping", metavar="MOODLE.yml", type=click.Path(dir_okay=False, path_type=Path),
                           help="SCORES is a Moodle gradebook export: MOODLE.yml says which of its columns is "
                                "which of the score sheet's, and on what scale.")(command)
    command = click.option("--sheet", metavar="NAME",
                           help="For an .xlsx or .ods workbook: the sheet to read (default: the first).")(command)
    command = click.option("--delimiter", metavar="CHAR",
                           help="For a CSV file: the separator, e.g. ';' or tab (default: found from the header "
                                "row, or the file's sep= line).")(command)
    command = click.option("--encoding", metavar="NAME",
                           help="For a CSV file that is not UTF-8: its encoding, e.g. cp1252 or mac-roman "
                                "(default: UTF-8, or found when it can be told for sure).")(command)
    command = click.option("--lang", "lang", type=click.Choice(list(LANGUAGES)), default=SOURCE, show_default=True,
                           help="The language of the reasons, certificates, progress pages and their index; a 'language' column "
                                "in SCORES (en or fr) chooses it per trainee for certificates and pages.")(command)
    return click.argument("scores", metavar="SCORES", type=click.Path(path_type=Path))(command)


def _open(scores: Path, course, encoding: str | None, delimiter: str | None, sheet: str | None) -> ScoreSheet:
    if delimiter is not None and delimiter.lower() in ("tab", "\\t"):
        delimiter = "\t"
    return ScoreSheet(scores, course, encoding=encoding, delimiter=delimiter, sheet=sheet)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _not_the_input(scores: Path, output: Path) -> None:
    with contextlib.suppress(OSError):
        if output.exists() and output.resolve() == scores.resolve():
            raise CourseError(f"{output}: is the score sheet itself; the grader never overwrites its input")


def _course_and_answers(answers_dir: Path | None, quiz_dir: Path | None):
    """The course definition and the scored answer files (None without --answers)."""
    course = load_course()          # grading needs the rules, and the quiz bank only to score answer files
    if answers_dir is None:
        return course, None
    if quiz_dir is not None:
        if not quiz_dir.is_dir() or not any(quiz_dir.glob("week-*.yml")):
            raise CourseError(f"{quiz_dir}: no quiz bank (quizzes/week-N.yml) to score the answer files against")
    bank = load_quiz_bank(quiz_dir or shared_root() / "quizzes", course)
    return course, load_answers(answers_dir, course, bank)


def _grades(scores: Path, answers_dir: Path | None, quiz_dir: Path | None, encoding, delimiter, sheet,
            mapping: Path | None = None, lang: str = SOURCE):
    """The course, how the sheet was read (None for a Moodle export) and its graded trainees (reasons in `lang`)."""
    course, answers = _course_and_answers(answers_dir, quiz_dir)
    words = load_ui(lang=lang)
    if mapping is not None:
        from .grading.moodle import graded_from_moodle
        return course, None, graded_from_moodle(scores, mapping, course, answers, words)
    score_sheet = _open(scores, course, encoding, delimiter, sheet)
    return course, score_sheet, graded(score_sheet, answers, words)


def _config_folder() -> Path:
    """The tutor's configuration folder (the centre's secret lives there, never in the site)."""
    return Path(click.get_app_dir("course"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="course")
def main():
    """Tutor's tools for the Developing Labour Migration Policy course."""


@main.command()
def info():
    """Show the course definition: weeks, hours, assessment and certificate rules.

    Example: course info
    """
    try:
        course = load().course
    except CourseError as exc:
        _fail(exc)
    a, r = course.assessment, course.certificates
    click.echo(f"{course.title}, edition {course.edition.id} "
               f"({course.edition.start:%d %B %Y} to {course.edition.end:%d %B %Y}), {course.hours:g} hours")
    for w in course.weeks:
        click.echo(f"  Week {w.number}: {w.title} ({w.hours:g} h)")
    click.echo(f"Assessed items: {a.item_count} ({a.quiz_count} quizzes of {a.quiz_questions} questions at "
               f"{a.points_per_correct:g} points, group work 0-{a.group_work_max:g}, essay 0-{a.essay_max:g}); "
               f"participation bonus 0-{a.bonus_max:g}")
    items = f"all {a.item_count} items and " if r.achievement_requires_all_items else ""
    click.echo(f"{r.label('achievement')}: {items}at least {r.achievement_min_points:g} points. "
               f"{r.label('participation')}: at least {r.participation_min_items} items and "
               f"{r.participation_min_points:g} points.")


@main.command()
@grading_options
@click.option("-o", "--output", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the results to FILE: .xlsx for a workbook, anything else for CSV (UTF-8 with a "
                   "byte-order mark, for Excel). Default: CSV to standard output.")
def grade(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang, output):
    """Grade SCORES (.csv, .xlsx or .ods): each trainee's points, certificate and the reason.

    A summary (certificates by type) goes to standard error. If anything in the input is wrong,
    every problem is listed and nothing is written.

    Example: course grade scores.xlsx --answers answers/ -o results.xlsx
    """
    with _user_errors():
        course, score_sheet, grades = _grades(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang)
        if output is not None:
            _not_the_input(scores, output)
        if output is not None and output.suffix.lower() == ".xlsx":
            tally = write_results_xlsx(grades, output)
        elif output is not None:
            with atomic_file(output, encoding="utf-8", newline="") as out:
                out.write(BYTE_ORDER_MARK)      # written once: Python encodes plain UTF-8 rows faster than utf-8-sig
                tally = write_results_csv(grades, out)
        else:
            # Held back (in memory up to 1 MB, then on disk) until the whole sheet is known to be right.
            with tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8", newline="") as held:
                tally = write_results_csv(grades, held)
                held.seek(0)
                sys.stdout.flush()
                stdout = sys.stdout.buffer      # bytes, so names come out as UTF-8 whatever the terminal
                while chunk := held.read(1 << 16):
                    stdout.write(chunk.encode("utf-8"))
                stdout.flush()
    _summary(course, tally, score_sheet, output)


def _summary(course, tally: Tally, score_sheet: ScoreSheet | None, output: Path | None) -> None:
    read = f"{score_sheet.name} ({score_sheet.read_as})" if score_sheet is not None else "the Moodle export"
    click.echo(f"Graded {_plural(tally.trainees, 'trainee')} from {read}:", err=True)
    for certificate in course.certificates.kinds:
        extra = (f" ({tally.bonus_applied} with the participation bonus)"
                 if certificate == "achievement" and tally.bonus_applied else "")
        label = course.certificates.label(certificate)
        click.echo(f"  {label + ':':<30}{tally.certificates.get(certificate, 0):>6}{extra}", err=True)
    if output is not None:
        click.echo(f"Results written to {output}", err=True)


@main.command()
@grading_options
@click.option("-o", "--output", metavar="FILE", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write, e.g. report.html.")
def report(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang, output):
    """Write the cohort report: one self-contained HTML page for the activity report.

    Participants, engagement bands, the average quiz score and how many scored above it, group
    work, essays, certificates by type, per-quiz averages and a list of participants. It needs no
    internet: paste it into a report or print it.

    Example: course report scores.csv --answers answers/ -o report.html
    """
    with _user_errors():
        course, _, grades = _grades(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang)
        _not_the_input(scores, output)
        from .publishing.report import render_report
        from .publishing.wording import Wordings
        page = render_report(grades, Wordings(lang)())        # reads the whole sheet before anything is written
        with atomic_file(output) as out:
            out.write(page)
    click.echo(f"Report written to {output}", err=True)


@main.command()
@grading_options
@click.option("-o", "--output", metavar="DIR", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write the certificates to: new, empty, or holding only what an earlier run "
                   "wrote there (then replaced).")
def certificates(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang, output):
    """Write a printable certificate (A4 landscape HTML) for every trainee who earned one.

    One page per Certificate of Achievement or of Participation, with the course, the edition's
    dates and hours, the trainee's name and a verification code; index.html lists them all.
    Open a certificate in a browser and print it. A folder holding anything the grader did not
    write (a signed copy, a scan) is never touched: the command stops instead.

    Example: course certificates scores.csv --answers answers/ -o certificates/
    """
    with _user_errors():
        course, _, grades = _grades(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang)
        if output.resolve() == scores.resolve().parent:
            raise CourseError(f"{output}: is the folder of the score sheet; choose a new folder for the certificates")
        from .publishing.certificates import write_certificates
        from .publishing.wording import Wordings
        from .publishing.verification import centre_secret
        secret = centre_secret(_config_folder(), create=True)
        issued = write_certificates(grades, Wordings(lang), output, secret)
    click.echo(f"{_plural(len(issued), 'certificate')} written to {output}; open {output / 'index.html'} to print "
               "them", err=True)


@main.command()
@grading_options
def validate(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang):
    """Check SCORES (and the answer files) and list every problem; writes nothing.

    Exits with code 1 if there is any problem, 0 with a one-line OK otherwise.

    Example: course validate scores.csv --answers answers/
    """
    with _user_errors():
        _, score_sheet, grades = _grades(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang)
        count = sum(1 for _ in grades)          # every row read and decided, nothing written
    read = f"{score_sheet.name} ({score_sheet.read_as})" if score_sheet is not None else str(scores)
    click.echo(f"OK: {read}: {_plural(count, 'trainee')}, no problems found")


@main.command("validate-bank")
@click.option("--quizzes", "quiz_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The quiz bank folder to check (default: the course's quizzes/).")
def validate_bank(quiz_dir):
    """Check the quiz bank for flaws a trainee could use to guess the key; print its figures.

    Prints the key positions, how often the key is the longest option, the level mix of each week and
    every flaw with its quiz, question and rule. Exits with code 1 if there is any flaw.

    Example: course validate-bank
    """
    quiz_dir = quiz_dir or shared_root() / "quizzes"
    with _user_errors():
        content = load()
        bank = load_quiz_bank(quiz_dir, content.course, content.sources, content.objectives)
        from .content.banklint import lint_bank
        lint = lint_bank(bank, content.objectives)
    for line in lint.summary():
        click.echo(line)
    for flaw in lint.flaws:
        click.echo(f"Flaw: {flaw}")
    if lint.flaws:
        click.echo(f"Error: {quiz_dir}: {len(lint.flaws)} flaws in the quiz bank", err=True)
        sys.exit(1)
    click.echo(f"OK: {quiz_dir}: {lint.questions} questions, no flaws found")


@main.command()
@click.option("--answers", "answers_dir", metavar="DIR", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the quiz answer files trainees handed in.")
@click.option("--quizzes", "quiz_dir", type=click.Path(file_okay=False, path_type=Path),
              hidden=True, envvar="COURSE_QUIZZES")
@click.option("-o", "--output", metavar="FILE", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="items.html for the page (questions to review first), or items.csv for a spreadsheet.")
def items(answers_dir, quiz_dir, output):
    """Item statistics of the quiz bank from the answer files: which questions need rewriting.

    Per question: facility index, standard deviation, discrimination index, discriminative
    efficiency and how many chose each option; per quiz: mean, median, standard deviation,
    Cronbach's alpha, error ratio and standard error, as Moodle's quiz statistics define them.
    Questions to review are flagged with the reason. A quiz needs at least 3 answer files.

    Example: course items --answers answers/ -o items.html
    """
    with _user_errors():
        if output.suffix.lower() not in (".html", ".htm", ".csv"):
            raise CourseError(f"{output}: name the file .html (a page) or .csv (a spreadsheet)")
        course, answers = _course_and_answers(answers_dir, quiz_dir)
        handed_in = [s.answers for s in answers.scored.values()]
        from .grading.items import analyse
        from .publishing.items import items_csv, render_items
        analyses = analyse(answers.bank, handed_in)
        if output.suffix.lower() == ".csv":
            with atomic_file(output, encoding=RESULTS_ENCODING, newline="") as out:
                out.write(items_csv(analyses))
        else:
            with atomic_file(output) as out:
                out.write(render_items(analyses, course.title, str(answers_dir)))
    flagged = sum(len(a.flagged) for a in analyses)
    click.echo(f"Item statistics of {len(handed_in)} answer files written to {output}; "
               f"{flagged} questions to review", err=True)


@main.command()
@click.argument("format_name", metavar="FORMAT", type=click.Choice(["moodle-xml", "gift"]))
@click.option("--week", "weeks", type=int, multiple=True, metavar="N",
              help="Only week N's quiz (repeat for several). Default: the whole bank.")
@click.option("--quizzes", "quiz_dir", type=click.Path(file_okay=False, path_type=Path),
              hidden=True, envvar="COURSE_QUIZZES")
@click.option("-o", "--output", metavar="FILE", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write: bank.xml for moodle-xml, bank.txt or bank.gift for gift.")
def export(format_name, weeks, quiz_dir, output):
    """Export the quiz bank for an LMS: Moodle XML or GIFT, one question category per week.

    Multiple choice with one right answer; each option's feedback is the question's explanation;
    the question's id becomes its Moodle ID number. Import it in Moodle under Question bank >
    Import.

    Example: course export moodle-xml -o quiz-bank.xml
    """
    with _user_errors():
        content = load()
        course, bank = content.course, content.quiz_bank
        if quiz_dir is not None:
            bank = load_quiz_bank(quiz_dir, course, content.sources)
        chosen = [q for q in bank.quizzes.values() if not weeks or q.week in weeks]
        unknown = sorted(set(weeks) - {q.week for q in chosen})
        if unknown:
            raise CourseError(f"--week {unknown[0]}: no quiz for that week (weeks "
                              f"{', '.join(str(q.week) for q in bank.quizzes.values())})")
        from .publishing.exports import gift, moodle_xml
        text = moodle_xml(chosen, course.title) if format_name == "moodle-xml" else gift(chosen, course.title)
        with atomic_file(output) as out:
            out.write(text)
    quizzes = "1 quiz" if len(chosen) == 1 else f"{len(chosen)} quizzes"
    click.echo(f"{sum(len(q.questions) for q in chosen)} questions of {quizzes} written to {output} "
               f"({format_name})", err=True)


@main.command()
@grading_options
@click.option("-o", "--output", metavar="DIR", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder for the pages (created, or replaced if `course progress` wrote it before).")
def progress(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang, output):
    """Write one short page per trainee saying what they still need, from a sheet taken mid-course.

    A blank cell means the work is not due yet. Each page says, for the Certificate of Achievement
    and of Participation, whether it is earned, within reach (and what it takes: which items and how
    many points) or out of reach. index.html lists every trainee.

    Example: course progress scores.csv --answers answers/ -o progress/
    """
    with _user_errors():
        course, _, grades = _grades(scores, answers_dir, quiz_dir, encoding, delimiter, sheet, mapping, lang)
        if output.resolve() == scores.resolve().parent:
            raise CourseError(f"{output}: is the folder of the score sheet; choose a new folder for the pages")
        from .grading.progress import ProgressReader
        from .publishing.progress import write_progress
        from .publishing.wording import Wordings
        wordings, readers = Wordings(lang), {}

        def reader(trainee):            # what each trainee needs, said in the trainee's language
            wording = wordings(trainee.language)
            if wording.lang not in readers:
                readers[wording.lang] = ProgressReader(wording.course, wording.words)
            return readers[wording.lang]

        found = [reader(g.trainee).progress(g.trainee) for g in grades]     # the whole sheet is checked first
        count = write_progress(found, wordings, output, str(scores))
    click.echo(f"{count} progress pages written to {output}; open {output / 'index.html'}", err=True)


@main.command()
@click.argument("code")
@click.option("--name", required=True, help="The trainee's name as printed on the certificate.")
def verify(code, name):
    """Check a certificate's verification code: did this centre issue it, to this name, and which?

    Run it on the computer that issued the certificates: the check needs the centre's secret,
    which `course certificates` made there. Exits with code 0 if the certificate is genuine, 1 if not.

    Example: course verify 2027-1-A-K3QX-7MTB-2D4F-H8TW --name "Ann Banda"
    """
    with _user_errors():
        from .publishing.verification import centre_secret
        from .publishing.verification import verify as verify_code
        secret = centre_secret(_config_folder(), create=False)
        found = verify_code(secret, code, name)
    if found is None:
        click.echo(f"NOT VALID: this centre did not issue a certificate with code {code} to {name} "
                   "(check the code and the name exactly as printed).")
        sys.exit(1)
    click.echo(f"VALID: {load().course.certificates.label(found.certificate)} issued by this centre to {name}, "
               f"edition {found.edition}.")
