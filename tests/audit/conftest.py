"""The trees under tests/audit/ are learner code laid out like exercises/, graded by tests/test_audit.py.

`pytest tests/` must not collect them (the grader's plugin would grade every file as an exercise), but a
tree asked for by path is graded like any folder laid out like exercises/:
`pytest tests/audit/correct/own_names`.
"""

from pathlib import Path

import pytest

CORPUS = [Path(__file__).resolve().parent / kind for kind in ("correct", "obfuscated")]


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    path = collection_path.resolve()
    if not any(path.is_relative_to(kind) for kind in CORPUS):
        return None
    asked = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    wanted = any(path.is_relative_to(a) and any(a.is_relative_to(kind) for kind in CORPUS) for a in asked)
    return None if wanted else True
