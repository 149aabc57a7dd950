"""Module objectives (course/content/objectives.yml): loaded, validated, and shown on every module page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from course.content.definition import load_course
from course.content.objectives import load_objectives
from course.errors import CourseDataError

DATA = Path(__file__).resolve().parent.parent / "course" / "content" / "objectives.yml"


def test_every_module_lists_its_objectives_with_unique_ids():
    objectives = load_objectives()
    modules = [a.id for a in load_course().activities("module")]
    assert list(objectives) == modules
    ids = [o.id for module in objectives.values() for o in module]
    assert len(ids) == len(set(ids))
    for module, items in objectives.items():
        assert items, module
        assert all(o.id.startswith(module + "-") and o.module == module and o.text for o in items)


def _broken(tmp_path, edit) -> Path:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "objectives.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


BROKEN = {
    "missing module": (lambda d: d.pop("step-2"), "step-2: is missing"),
    "unknown module": (lambda d: d.update({"no-such-module": [{"id": "no-such-module-x", "text": "T"}]}),
                       "no-such-module: is not a module in course.yml"),
    "duplicate id": (lambda d: d["step-1"].append(dict(d["step-1"][0])),
                     "step-1[5].id: duplicate objective id 'step-1-decision'"),
    "id without the module": (lambda d: d["step-1"][0].update(id="decision"),
                              "step-1[0].id: 'decision' must be lower-case words"),
    "missing text": (lambda d: d["step-1"][0].pop("text"), "step-1[0].text: is missing"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_objectives_name_file_and_field(tmp_path, case):
    edit, words = BROKEN[case]
    path = _broken(tmp_path, edit)
    with pytest.raises(CourseDataError) as caught:
        load_objectives(path)
    assert any(p.startswith(f"{path}: ") and words in p for p in caught.value.problems), caught.value.problems


def test_each_module_page_shows_its_objectives_from_the_data(site):
    course = load_course()
    for module, items in load_objectives().items():
        page = site / course.activity(module).page.replace(".md", ".html")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        heading = soup.find(lambda t: t.name == "h2" and "What you will be able to do" in t.get_text())
        assert heading is not None, page
        shown = [" ".join(li.get_text(" ").split()) for li in heading.find_next_sibling("ul").find_all("li")]
        assert shown == [" ".join(o.text.split()) for o in items], page
