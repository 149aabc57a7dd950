"""Grading: score sheets and answer files read strictly, the certificate rules, cohort figures."""
