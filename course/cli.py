"""The tutor's command line: `course …` (also `python -m course …`). Thin: the work is in the library."""

from __future__ import annotations

import sys

import click

from .definition import load_course
from .errors import CourseError


def _fail(exc: CourseError) -> None:
    for problem in exc.problems:
        click.echo(f"Error: {problem}", err=True)
    sys.exit(1)


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
        course = load_course()
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
    click.echo(f"Achievement: all {a.item_count} items and at least {r.achievement_min_points:g} points. "
               f"Participation: at least {r.participation_min_items} items and {r.participation_min_points:g} points.")
