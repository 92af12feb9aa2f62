"""Grading a class: LMS exports in, sandboxed jobs in parallel, one SQLite gradebook, exports and reports."""
