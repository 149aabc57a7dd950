"""Every command has help and is documented, with an example, in the tutors' guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sheets import run

from course.cli import main

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "en" / "tutors.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


def test_the_grader_commands_exist():
    assert {"info", "grade", "report", "certificates", "validate"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    r = run(command, "--help")
    assert r.exit_code == 0
    assert main.commands[command].help and f"Example: course {command}" in r.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_with_an_example(command):
    assert f"## `course {command}`" in GUIDE, f"docs/en/tutors.md has no section for course {command}"
    section = GUIDE.split(f"## `course {command}`", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    assert re.search(rf"```sh\ncourse {command}\b", section), f"no example of course {command} in its section"


def test_the_guide_has_no_coming_soon_stub():
    assert "Coming in the next release" not in GUIDE
