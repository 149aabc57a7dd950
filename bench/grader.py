"""Grader benchmark (DESIGN.md, "Budgets"): `course grade` on 100,000 trainees, as a whole process, takes
at most 10x the time a process that only reads the same file with Python's csv module takes, and uses
less than 100 MB of memory.

Run: python bench/grader.py  (or `make bench`). Exits 1 when over budget.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course.content.definition import load_course  # noqa: E402
from course.grading.scoresheet import sheet_columns  # noqa: E402

TRAINEES = 100_000
TIME_BUDGET = 10.0          # grading process / csv-reading process, wall time
MEMORY_BUDGET = 100e6       # the grading process's peak resident memory, in bytes
RUNS = 9                    # pairs of runs (csv read, then grading); the median pair's ratio counts
# The csv read, as the grader's first benchmark defined it: every row as a dict of its columns.
READ_ONLY = "import csv, sys\nfor _ in csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')): pass\n"


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


def run(command: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time and peak resident memory (bytes) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[2:4]} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024      # Linux gives kilobytes


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        path, out = Path(d) / "scores.csv", Path(d) / "results.csv"
        make_sheet(path, TRAINEES)
        read_cmd = [sys.executable, "-c", READ_ONLY, str(path)]
        grade_cmd = [sys.executable, "-m", "course", "grade", str(path), "-o", str(out)]
        runs = [(run(read_cmd), run(grade_cmd)) for _ in range(RUNS)]    # in turn: a slow spell hits both
    # Each grading run is compared with the csv read just before it, and the median of those ratios counts:
    # on a shared machine a slow spell then spoils one pair, not the figure.
    ratio = statistics.median(g[0] / r[0] for r, g in runs)
    cpu_ratio = statistics.median(g[1] / r[1] for r, g in runs)
    read, read_cpu = statistics.median(r[0] for r, _ in runs), statistics.median(r[1] for r, _ in runs)
    graded, graded_cpu = statistics.median(g[0] for _, g in runs), statistics.median(g[1] for _, g in runs)
    memory = max(g[2] for _, g in runs)
    print(f"{TRAINEES:,} trainees, medians of {RUNS} pairs: csv read {read:.2f}s, course grade {graded:.2f}s, "
          f"{ratio:.1f}x (budget {TIME_BUDGET:g}x); CPU time {read_cpu:.2f}s and {graded_cpu:.2f}s, {cpu_ratio:.1f}x; "
          f"peak memory {memory / 1e6:.0f} MB (budget {MEMORY_BUDGET / 1e6:.0f} MB)")
    ok = ratio <= TIME_BUDGET and memory < MEMORY_BUDGET
    print(f"grader: {'OK' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
