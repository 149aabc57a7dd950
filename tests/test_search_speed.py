"""Search on an old laptop: from file://, with Chromium's CPU slowed 4× (CDP), the first results appear
within 2 s of the trainee starting to type (the index loads only then), for the words typed.

What makes it: the index comes prebuilt (macros/search_prebuilt.py) and the worker answers once typing pauses
(macros/search_worker_pause.js) instead of at every key, each answer laid out at 0.3-1 s on a slow CPU.

A wall-clock budget means nothing on a machine whose cores are already busy with other work, so
outside CI the budget is judged only when the load average is under one process per core; CI (a
machine of its own) always judges it."""

from __future__ import annotations

import os
import statistics
import time

import pytest

pytestmark = pytest.mark.browser

BUDGET_S = 2.0
SLOWDOWN = 4


TRIES = 3          # a trainee's typical search: the median of three, each from a freshly opened page


def first_results_after(site, offline, page_path) -> float:
    """Seconds from clicking the search box to the first result, typing "steering committee", CPU slowed."""
    page = offline.context.new_page()
    page.on("pageerror", lambda exc: offline.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and offline.errors.append(msg.text))
    offline.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    page.goto((site / page_path).as_uri())
    page.wait_for_load_state("load")
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(r => r.name)")
    assert not [u for u in loaded if "search_index" in u], "the index loaded before search was used"
    start = time.perf_counter()
    page.locator(".md-search__input").click()
    page.keyboard.type("steering committee")
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    elapsed = time.perf_counter() - start
    marked = page.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
    assert {word.lower() for word in marked} & {"steering", "committee"}, f"first results not for the words typed: {marked}"
    page.close()
    return elapsed


@pytest.mark.parametrize("page_path", ["modules/step-4.html", "glossary.html"])
def test_search_answers_within_two_seconds_on_a_slow_cpu(site, offline, page_path):
    times = [first_results_after(site, offline, page_path) for _ in range(TRIES)]
    elapsed = statistics.median(times)
    shown = ", ".join(f"{t:.2f}" for t in times)
    assert offline.blocked == [] and offline.errors == []
    busy = os.getloadavg()[0] / (os.cpu_count() or 1)
    if busy > 1 and os.environ.get("CI") != "true":
        pytest.skip(f"machine busy ({busy:.1f} processes per core): first results after {shown} s, not judged")
    assert elapsed <= BUDGET_S, f"first results after {shown} s (median {elapsed:.2f} s) with the CPU slowed {SLOWDOWN}×"
