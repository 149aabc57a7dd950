"""Developing Labour Migration Policy: the course's data, rules and the tutor's grader."""

from .definition import Course, load_course
from .errors import CourseDataError, CourseError

__all__ = ["Course", "CourseDataError", "CourseError", "load_course"]
