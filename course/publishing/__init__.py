"""What the grader writes: results, the cohort report, certificates; atomic file writing."""
