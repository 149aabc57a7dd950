"""The strict build: it passes as shipped, and fails loudly on anything broken."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DRAFT, ROOT, BuildError, build_site, copy_project


def test_the_shipped_site_builds_strictly(site):
    assert (site / "index.html").is_file()
    assert (site / "search" / "search_index.js").is_file()


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def text_of(path: Path) -> str:
    return " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_unknown_checklist_id_fails_the_build_naming_the_id(project, tmp_path):
    append(project / "docs" / "en" / "glossary.md", '\n{{ checklist("no-such-checklist") }}\n')
    with pytest.raises(BuildError, match="no-such-checklist"):
        build_site(tmp_path / "out", project)


def test_broken_link_fails_the_build(project, tmp_path):
    append(project / "docs" / "en" / "glossary.md", "\nSee [the missing page](missing.md).\n")
    with pytest.raises(BuildError, match="missing.md"):
        build_site(tmp_path / "out", project)


def test_broken_anchor_fails_the_build(project, tmp_path):
    append(project / "docs" / "en" / "glossary.md", "\nSee [weeks](syllabus.md#week-9-nothing).\n")
    with pytest.raises(BuildError, match="week-9-nothing"):
        build_site(tmp_path / "out", project)


def test_undefined_macro_variable_fails_the_build(project, tmp_path):
    append(project / "docs" / "en" / "glossary.md", "\n{{ no_such_variable }}\n")
    with pytest.raises(BuildError, match="no_such_variable"):
        build_site(tmp_path / "out", project)


def test_invalid_course_data_fails_the_build_naming_file_and_field(project, tmp_path):
    path = project / "course" / "content" / "checklists" / "step-1-parameters.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["source"]["document"] = "999"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(BuildError, match=r"step-1-parameters.yml: source.document: unknown source document '999'"):
        build_site(tmp_path / "out", project)


def test_a_threshold_changed_in_course_data_changes_the_pages(project, tmp_path):
    path = project / "course" / "content" / "course.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["certificates"]["achievement"]["min_points"] = 65
    data["certificates"]["participation"]["min_items"] = 6
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build_site(tmp_path / "out", project)
    text = text_of(site / "assessment.html")
    assert "base score is at least 65" in text and "at least 6 of the 8 items" in text
    assert "at least 60" not in text


def test_shipped_pages_show_the_course_data(site):
    text = text_of(site / "assessment.html")
    assert "base score is at least 60" in text and "at least 5 of the 8 items" in text
    assert "base score is at least 30" in text
    syllabus = text_of(site / "syllabus.html")
    assert "Total: 60 hours over 6 weeks." in syllabus


def test_make_site_writes_the_site_and_one_zip(tmp_path):
    archive = tmp_path / "course-site.zip"
    result = subprocess.run(["make", "-C", str(ROOT), "site", f"SITE_DIR={tmp_path / 'site'}", f"SITE_ZIP={archive}"],
                            capture_output=True, text=True, env={k: v for k, v in os.environ.items() if k not in DRAFT})
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert "site/index.html" in names               # the language choice
    for lang in ("en", "fr"):
        assert f"site/{lang}/index.html" in names and f"site/{lang}/search/search_index.js" in names
        assert f"site/{lang}/search/search_index.json" not in names       # file:// reads the .js copy only
    assert archive.stat().st_size <= 3 * 1024 * 1024         # budget: zip of both languages ≤ 3 MB
