"""Grader benchmark (DESIGN.md, "Budgets"): grading 100,000 trainees takes at most 3x the time Python's
csv module takes just to read the same file, and peak memory stays flat as the file grows.

Run: python bench/grader.py  (or `make bench`). Exits 1 when over budget.
"""

from __future__ import annotations

import csv
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course.content.definition import load_course  # noqa: E402
from course.grading.gradebook import graded  # noqa: E402
from course.grading.scoresheet import sheet_columns  # noqa: E402
from course.publishing.files import atomic_file  # noqa: E402
from course.publishing.results import RESULTS_ENCODING, write_results  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
TIME_BUDGET = 3.0           # grading time / csv.DictReader reading time, at the largest size
MEMORY_GROWTH_BUDGET = 1.5  # peak memory at the largest size / at the smallest
RUNS = 5                    # timings per size; the best counts


def make_sheet(path: Path, n: int) -> None:
    """A realistic cohort: most trainees do most items, some skip, scores spread, a few bonuses."""
    rng = random.Random(n)
    course = load_course()
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(sheet_columns(course) + ["country"])
        for i in range(n):
            engaged = rng.random()
            def maybe(value):
                return value if rng.random() < engaged + 0.2 else ""
            quizzes = [maybe(rng.randint(3, 10)) for _ in range(6)]
            essay = [rng.choice([6, 7, 7.5, 8, 9]) for _ in range(4)] if rng.random() < engaged else [""] * 4
            w.writerow([f"T{i:06d}", f"Trainee Nº {i} Ndiaye-Gonçalves", *quizzes,
                        maybe(rng.choice([15, 18.5, 22, 25, 28])), *essay,
                        rng.choice(["", "", "", 5, 10]), "Ramsania"])


def read_only(path: Path) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        for _ in csv.DictReader(f):
            pass


def grade(path: Path, out: Path) -> None:
    course = load_course()
    with atomic_file(out, encoding=RESULTS_ENCODING, newline="") as f:
        write_results(graded(path, course), f)


def timed(fn, *args) -> float:
    gc.collect()
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def peak_memory(fn, *args) -> int:
    gc.collect()
    tracemalloc.start()
    fn(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> int:
    load_course()       # parse course.yml once, outside the timings
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for n in SIZES:
            path, out = Path(d) / f"scores-{n}.csv", Path(d) / f"results-{n}.csv"
            make_sheet(path, n)
            # Reading and grading in turn, the best of RUNS each: on a noisy machine a slow spell then
            # slows both, instead of only the one measured during it.
            times = [(timed(read_only, path), timed(grade, path, out)) for _ in range(RUNS)]
            read, graded_time = min(r for r, _ in times), min(g for _, g in times)
            rows.append((n, path.stat().st_size, read, graded_time, peak_memory(grade, path, out)))
    print(f"{'trainees':>9} {'file':>9} {'csv read':>9} {'grade':>9} {'ratio':>6} {'peak memory':>12}")
    for n, size, read, g, peak in rows:
        print(f"{n:>9,} {size / 1e6:>7.1f}MB {read:>8.3f}s {g:>8.3f}s {g / read:>5.2f}x {peak / 1e6:>10.2f}MB")
    ratio = rows[-1][3] / rows[-1][2]
    growth = rows[-1][4] / rows[0][4]
    ok = True
    if ratio > TIME_BUDGET:
        print(f"OVER BUDGET: grading {SIZES[-1]:,} trainees took {ratio:.2f}x the csv read (budget {TIME_BUDGET}x)")
        ok = False
    if growth > MEMORY_GROWTH_BUDGET:
        print(f"OVER BUDGET: peak memory grew {growth:.2f}x from {SIZES[0]:,} to {SIZES[-1]:,} trainees "
              f"(budget {MEMORY_GROWTH_BUDGET}x: memory must stay flat)")
        ok = False
    print(f"grader: time {ratio:.2f}x (budget {TIME_BUDGET}x), memory growth {growth:.2f}x "
          f"(budget {MEMORY_GROWTH_BUDGET}x): {'OK' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
