"""Record every verdict the grader gives today on the reference tree and every sample submission.

    python tests/golden/record.py        # rewrites tests/golden/verdicts.json

tests/test_golden.py grades the same files the same way and compares: a refactor must not change what
a learner gets. Run this only when a change of verdict is intended, and say why in the commit.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

from golden.verdicts import SETTINGS, cases, verdicts  # noqa: E402

if __name__ == "__main__":
    recorded = {}
    for name, exercise, source in cases():
        with tempfile.TemporaryDirectory() as tmp:  # a folder of its own, as each test gets
            recorded[name] = verdicts(exercise, source, Path(tmp))
    out = Path(__file__).with_name("verdicts.json")
    out.write_text(
        json.dumps({"settings": repr(SETTINGS), "verdicts": recorded}, indent=1, sort_keys=True) + "\n"
    )
    print(f"{len(recorded)} verdicts written to {out}")
