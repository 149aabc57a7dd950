"""Errors the course raises for bad data or bad input: each carries every problem found."""


class CourseError(Exception):
    """A problem a user can fix; `problems` lists each as 'where: what is wrong'."""

    def __init__(self, problems):
        self.problems = list(problems) if not isinstance(problems, str) else [problems]
        super().__init__("\n".join(self.problems))


class CourseDataError(CourseError):
    """The course's own data files (course.yml, checklists, glossary, quizzes) are invalid."""
