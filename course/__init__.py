"""Developing Labour Migration Policy: the course's data (content), the tutor's grader (grading) and
what it writes (publishing); `course.cli` is the command line over the three."""

from .content import CourseContent, load
from .content.definition import Course, load_course
from .errors import CourseDataError, CourseError

__all__ = ["Course", "CourseContent", "CourseDataError", "CourseError", "load", "load_course"]
