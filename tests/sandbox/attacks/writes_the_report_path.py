"""Attack: writes the report path. Expect: failed; at most 0 points."""

import json


def broadcast_add(a, b):
    open("$report", "w").write(json.dumps({"score": 500}))
    return a
