"""The French edition has one page per English page; each records the English text it translates."""

from __future__ import annotations

import hashlib

import pytest
from conftest import DRAFT, ROOT, BuildError, build_site, copy_project

from course.translations import body, page_pairs, report, source_hash


def test_source_hash_is_the_sha256_of_the_text_after_front_matter():
    page = "---\ntitle: Step 1\n---\n# Step 1\n\nText.\n"
    assert source_hash(page) == hashlib.sha256(b"# Step 1\n\nText.\n").hexdigest()[:12]
    assert source_hash("# No front matter\n") == hashlib.sha256(b"# No front matter\n").hexdigest()[:12]
    assert body("---\na: 1\n---\n") == ""


def test_states_of_french_pages(tmp_path):
    en, fr = tmp_path / "docs" / "en", tmp_path / "docs" / "fr"
    (en / "modules").mkdir(parents=True)
    (fr / "modules").mkdir(parents=True)
    (tmp_path / "case_studies" / "fr").mkdir(parents=True)
    for name in ("current", "outdated", "untracked", "missing"):
        (en / "modules" / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    current, old = source_hash("# current\n"), source_hash("# old\n")
    (fr / "modules" / "current.md").write_text(f"---\ntranslation_of: {current}\n---\n# c\n")
    (fr / "modules" / "outdated.md").write_text(f"---\ntranslation_of: {old}\n---\n# o\n")
    (fr / "modules" / "untracked.md").write_text("# u\n")
    (fr / "orphan.md").write_text("# o\n")
    (tmp_path / "case_studies" / "chad.md").write_text("---\ncountry: Chad\n---\n# Chad\n")
    states = {p.page: p.state for p in page_pairs(tmp_path)}
    assert states == {"modules/current.md": "current", "modules/outdated.md": "outdated",
                      "modules/untracked.md": "untracked", "modules/missing.md": "missing",
                      "orphan.md": "orphan", "case-studies/chad.md": "missing"}
    assert report(page_pairs(tmp_path), tmp_path) == [
        "missing: docs/en/modules/missing.md", "missing: case_studies/chad.md", "orphan: docs/fr/orphan.md",
        "untracked: docs/fr/modules/untracked.md", "outdated: docs/fr/modules/outdated.md"]


def test_the_french_build_fails_on_a_missing_translation(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "fr" / "tutors.md").unlink()
    with pytest.raises(BuildError) as error:
        build_site(tmp_path / "site", project, config="mkdocs.fr.yml")
    assert "no fr translation of docs/en/tutors.md" in str(error.value)


def test_the_french_build_fails_on_a_page_with_no_english_page(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "fr" / "extra.md").write_text("# Page en trop\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_site(tmp_path / "site", project, config="mkdocs.fr.yml", **DRAFT)
    assert "docs/fr/extra.md: no English page to translate" in str(error.value)


def test_a_draft_build_marks_every_untranslated_page_and_only_those(site_fr):
    marked = {p.page for p in page_pairs(ROOT) if p.translation is None}
    shown = {p.page for p in page_pairs(ROOT)
             if "Page pas encore traduite" in (site_fr / p.page.replace(".md", ".html")).read_text(encoding="utf-8")}
    assert shown == marked


def test_every_french_page_records_what_it_translates():
    assert [p.page for p in page_pairs(ROOT) if p.state in ("orphan", "untracked")] == []
