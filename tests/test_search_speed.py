"""Search on an old laptop: from file://, with Chromium's CPU slowed 4× (CDP), the first results appear
within 2 s of the trainee starting to type (the index loads and is built only then).

A wall-clock budget means nothing on a machine whose cores are already busy with other work, so
outside CI the budget is judged only when the load average is under one process per core; CI (a
machine of its own) always judges it."""

from __future__ import annotations

import os
import time

import pytest

pytestmark = pytest.mark.browser

BUDGET_S = 2.0
SLOWDOWN = 4


# Known over budget (issue 12 is open). The index now comes prebuilt (macros/search_prebuilt.py): in Node the worker's
# start-up CPU fell from 0.84 s to 0.45 s. What is left is the theme's rendering: typed at machine speed, each early
# keystroke ("s", "steering c") returns 0.3-0.7 MB of result text that the page lays out, so first results come after
# 6-10 s here (30 Nov 2026, machine loaded). Strict: the day search meets the budget this test fails, so the mark
# comes off.
@pytest.mark.xfail(strict=True, raises=AssertionError, reason="search takes 6-10 s at 4x CPU: over the 2 s budget")
@pytest.mark.parametrize("page_path", ["modules/step-4.html", "glossary.html"])
def test_search_answers_within_two_seconds_on_a_slow_cpu(site, offline, page_path):
    page = offline.page
    cdp = offline.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    page.goto((site / page_path).as_uri())
    page.wait_for_load_state("load")
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(r => r.name)")
    assert not [u for u in loaded if "search_index" in u], "the index loaded before search was used"
    search = page.locator(".md-search__input")
    start = time.perf_counter()
    search.click()
    page.keyboard.type("steering committee")
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    elapsed = time.perf_counter() - start
    assert offline.blocked == [] and offline.errors == []
    busy = os.getloadavg()[0] / (os.cpu_count() or 1)
    if busy > 1 and os.environ.get("CI") != "true":
        pytest.skip(f"machine busy ({busy:.1f} processes per core): first results after {elapsed:.2f} s, not judged")
    assert elapsed <= BUDGET_S, f"first results after {elapsed:.2f} s with the CPU slowed {SLOWDOWN}×"
