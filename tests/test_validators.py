"""Third-party validators judge every built page: pa11y (WCAG 2 AA, HTML_CodeSniffer) in Debian's
Chromium and the Nu Html Checker (vnu.jar). What the project writes (the page's <article>, and
elements our scripts add, classed course-*) must have no error; the theme's own errors are listed
by rule, not hidden (run with -rP to see them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, chromium_path

NODE_MODULES = ROOT / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def need(ok: bool, what: str, how: str) -> None:
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is missing: CI must run the validators ({how})")
        pytest.skip(f"{what} is missing ({how})")


def in_article(html: str, offset: int) -> bool:
    """Whether a source position falls inside the page's <article>: the part the project writes."""
    start = html.find("<article")
    return start != -1 and start <= offset <= html.find("</article>", start)


def theme_listing(tool: str, theme: Counter) -> str:
    lines = [f"{tool}: the theme's own errors ({sum(theme.values())}), by rule:"]
    lines += [f"  {count:4d} × {rule}" for rule, count in theme.most_common()]
    return "\n".join(lines)


@pytest.mark.browser
def test_pa11y_finds_no_error_in_what_we_write(site, pages):
    need(shutil.which("node") is not None, "node", "apt-get install -y nodejs npm")
    need((NODE_MODULES / "pa11y").is_dir(), "pa11y", "npm ci")
    need(chromium_path() is not None, "Chromium", "apt-get install -y chromium")
    result = subprocess.run(["node", str(ROOT / "tests" / "checkers" / "pa11y-pages.js")]
                            + [p.as_uri() for p in pages],
                            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium_path()})
    assert result.returncode == 0, result.stderr
    ours, theme = [], Counter()
    for url, issues in json.loads(result.stdout).items():
        path = Path(url.removeprefix("file://"))
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for issue in issues:
            if issue["type"] != "error":
                continue
            element = soup.select_one(issue["selector"]) if issue["selector"] else None
            written_by_us = (element is not None and element.find_parent("article") is not None) \
                or "course-" in issue["context"]
            if written_by_us:
                ours.append(f"{path.relative_to(site)}: {issue['code']}: {issue['message']} ({issue['selector']})")
            else:
                theme[issue["code"]] += 1
    print(theme_listing("pa11y", theme))
    assert ours == []
    assert theme, "pa11y reported nothing at all: is it running?"      # the theme has known errors


def test_nu_html_checker_finds_no_error_in_what_we_write(site, pages):
    need(shutil.which("java") is not None, "java", "apt-get install -y default-jre-headless")
    need(VNU.is_file(), "vnu.jar", "npm ci")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only"]
                            + [str(p) for p in pages], capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    ours, theme = [], Counter()
    for message in messages:
        path = Path(message["url"].removeprefix("file:")).resolve()
        html = path.read_text(encoding="utf-8")
        lines = html.splitlines(keepends=True)
        line, column = message.get("lastLine", 1), message.get("lastColumn", 1)
        offset = sum(len(text) for text in lines[:line - 1]) + column - 1
        if in_article(html, offset):
            ours.append(f"{path.relative_to(site.resolve())}:{line}: {message['message']}")
        else:
            theme[message["message"]] += 1
    print(theme_listing("Nu Html Checker", theme))
    assert ours == []
    assert theme, "the Nu Html Checker reported nothing at all: is it running?"
