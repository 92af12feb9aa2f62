"""The trees under tests/audit/ are learner code laid out like exercises/, graded by tests/test_audit.py.

`pytest tests/` must not collect them itself (the grader's plugin would grade every file as an exercise).
"""

collect_ignore_glob = ["correct/*", "obfuscated/*"]
