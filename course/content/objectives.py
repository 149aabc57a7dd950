"""Module objectives (objectives.yml): what a trainee will be able to do after each module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .definition import Course, load_course
from .yamlfile import Fields, load_yaml

DATA = Path(__file__).parent
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Objective:
    id: str                 # stable: quiz questions name it
    module: str             # id of the module activity in course.yml
    text: str


def load_objectives(path: Path = DATA / "objectives.yml",
                    course: Course | None = None, lang: str = "en") -> dict[str, tuple[Objective, ...]]:
    """Module id -> its objectives, in page order. Every module of course.yml has some; ids are unique."""
    course = course or load_course()
    f = Fields(path, lang)
    top = f.mapping(load_yaml(path), "")
    modules = [a.id for a in course.activities("module")]
    result: dict[str, tuple[Objective, ...]] = {}
    seen: dict[str, str] = {}
    for module in top:
        module = str(module)
        if module not in modules:
            f.problem(module, f"is not a module in course.yml (modules: {', '.join(modules)})")
        objectives = []
        for where, item in f.items(top, module, ""):
            d = f.mapping(item, where, {"id", "text"})
            oid, text = f.get(d, "id", str, where), f.text(d, "text", where)
            if oid is None:
                continue
            if not _ID.match(oid) or not oid.startswith(module + "-"):
                f.problem(f"{where}.id", f"{oid!r} must be lower-case words joined by hyphens and start "
                                         f"with the module id, e.g. {module}-something")
            if oid in seen:
                f.problem(f"{where}.id", f"duplicate objective id {oid!r} (also in {seen[oid]})")
            seen[oid] = module
            objectives.append(Objective(oid, module, text or ""))
        result[module] = tuple(objectives)
    for module in modules:
        if module not in top:
            f.problem(module, "is missing: every module in course.yml lists its objectives")
    f.raise_if_any()
    return result


def objective_index(objectives: dict[str, tuple[Objective, ...]]) -> dict[str, Objective]:
    """Objective id -> objective, over all modules."""
    return {o.id: o for module in objectives.values() for o in module}
