"""The built course as a SCORM 1.2 package: one activity (SCO) per week, the whole offline site inside.

Each week's activity opens the week's first page; its `adlcp:datafromlms` names the week's quiz, which
the quiz page reads from cmi.launch_data (assets/javascripts/scorm.js) before reporting a score.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from course.content.definition import Course, Week, load_course
from course.errors import CourseError
from course.publishing.files import atomic_file

from . import EditionError, command, one_language

MANIFEST = "imsmanifest.xml"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"


def page_file(page: str) -> str:
    """The built file of a docs page (the site is built with use_directory_urls: false)."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


def week_launch(week: Week) -> str:
    first = next((a.page for a in week.activities if a.page), None)
    if first is None:
        raise CourseError(f"course.yml: week {week.number} has no activity with a page to open")
    return page_file(first)


def week_quiz(week: Week) -> str | None:
    """The quiz key ("week-2") of the week's quiz page, if it has one."""
    pages = [a.page for a in week.activities if a.kind == "quiz" and a.page]
    return Path(pages[0]).stem if pages else None


def manifest(course: Course, files: list[str]) -> str:
    """imsmanifest.xml for the site's `files` (paths relative to the site, "/" separated)."""
    ET.register_namespace("", CP)
    ET.register_namespace("adlcp", ADLCP)
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": f"lmp-course-{course.edition.id}", "version": "1.0"})
    metadata = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(metadata, f"{{{CP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{CP}}}organizations", {"default": "weeks"})
    organization = ET.SubElement(organizations, f"{{{CP}}}organization", {"identifier": "weeks"})
    ET.SubElement(organization, f"{{{CP}}}title").text = course.title
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    for week in course.weeks:
        ident = f"week-{week.number}"
        item = ET.SubElement(organization, f"{{{CP}}}item",
                             {"identifier": ident, "identifierref": f"{ident}-sco", "isvisible": "true"})
        ET.SubElement(item, f"{{{CP}}}title").text = f"Week {week.number}: {week.title}"
        quiz = week_quiz(week)
        if quiz:
            ET.SubElement(item, f"{{{ADLCP}}}datafromlms").text = quiz
        launch = week_launch(week)
        resource = ET.SubElement(resources, f"{{{CP}}}resource",
                                 {"identifier": f"{ident}-sco", "type": "webcontent",
                                  f"{{{ADLCP}}}scormtype": "sco", "href": launch})
        ET.SubElement(resource, f"{{{CP}}}file", {"href": launch})
        ET.SubElement(resource, f"{{{CP}}}dependency", {"identifierref": "site"})
    site = ET.SubElement(resources, f"{{{CP}}}resource",
                         {"identifier": "site", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"})
    for name in files:
        ET.SubElement(site, f"{{{CP}}}file", {"href": name})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_package(site: Path, out: Path, course: Course | None = None) -> int:
    """Zip the built `site` with its manifest into `out`; the number of files packed."""
    course = course or load_course()
    site = Path(site)
    if not (site / "index.html").is_file():
        raise CourseError(f"{site}: not a built course site (no index.html); run the build first")
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    if MANIFEST in files:
        raise CourseError(f"{site}: already holds an {MANIFEST}")
    for week in course.weeks:
        if week_launch(week) not in files:
            raise CourseError(f"{site}: {week_launch(week)} (week {week.number}'s first page) is missing")
    text = manifest(course, files)
    with atomic_file(out, binary=True) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, text)
        for name in files:
            if name.endswith(".html"):          # one language per package: no link to the other one
                z.writestr(name, one_language((site / name).read_text(encoding="utf-8"), name))
            else:
                z.write(site / name, name)
    return len(files)


def main(argv: list[str]) -> int:
    """`python -m editions.scorm SITE ZIP` (make scorm)."""
    def write(site: Path, out: Path) -> None:
        try:
            write_package(site, out)
        except CourseError as exc:
            raise EditionError("; ".join(exc.problems)) from None

    return command(write, "python -m editions.scorm SITE_DIR PACKAGE.zip", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
