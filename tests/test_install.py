"""The installed package: a wheel built from the project carries the quiz bank and grades answer files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from conftest import ROOT
from sheets import row, write_sheet

from course.content import load
from course.content.quizzes import ANSWER_FORMAT, ANSWER_VERSION

PACKAGED = ("pyproject.toml", "README.md", "course", "quizzes", "case_studies")


def build_wheel(tmp_path: Path) -> Path:
    """A wheel built from a copy of the project (building in the checkout would write build/ there)."""
    src = tmp_path / "src"
    src.mkdir()
    for part in PACKAGED:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, src / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / part, src / part)
    out = tmp_path / "dist"
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return next(out.glob("course-*.whl"))


def test_the_wheel_ships_the_quiz_bank_and_grades_answer_files(tmp_path):
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"course/quizzes/week-{n}.yml" for n in range(1, 7)} <= set(names)
    assert "course/content/course.yml" in names and "course/case_studies/nigeria.md" in names

    # A clean venv with only the wheel installed; its dependencies (click, PyYAML …) are lent by the test's
    # own environment through a .pth line, which brings no `course` with it (editable finders load from .pth
    # files, and those in a directory added this way are not run).
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                              "--no-index", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    site_packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        capture_output=True, text=True, check=True).stdout.strip())
    (site_packages / "zz-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")

    bank = load().quiz_bank
    answers = tmp_path / "answers"
    answers.mkdir()
    quiz = bank.quiz("week-1")
    chosen = {q.id: q.answer for q in quiz.questions[:7]}      # 7 right, 3 unanswered
    (answers / "quiz-week-1-T1.json").write_text(json.dumps(
        {"format": ANSWER_FORMAT, "version": ANSWER_VERSION, "quiz": "week-1", "edition": quiz.edition,
         "trainee_id": "T1", "name": "Ann Banda", "answers": chosen}), encoding="utf-8")
    scores = write_sheet(tmp_path / "scores.csv", [row("T1", quizzes=(None, 10, 10, 10, 10, 10))])
    out = tmp_path / "results.csv"
    work = tmp_path / "elsewhere"       # not the checkout: only the installed package can be imported
    work.mkdir()
    where = subprocess.run([str(python), "-c", "import course; print(course.__file__)"],
                           capture_output=True, text=True, cwd=work)
    assert where.stdout.startswith(str(site_packages)), where.stdout + where.stderr
    graded = subprocess.run([str(env_dir / "bin" / "course"), "grade", str(scores), "--answers", str(answers),
                             "-o", str(out)], capture_output=True, text=True, cwd=work)
    assert graded.returncode == 0, graded.stderr
    line = out.read_text(encoding="utf-8-sig").splitlines()[1]
    assert line.startswith("T1,Ann Banda,28.5,")        # 3.5 from the answer file + 5 × 5 from the sheet
