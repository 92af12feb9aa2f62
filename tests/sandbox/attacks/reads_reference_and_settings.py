"""Attack: reads reference and settings. Expect: failed; at most 0 points."""

import os, pathlib


def broadcast_add(a, b):
    ref = pathlib.Path("$reference").read_text()
    ns = {}
    exec(ref, ns)
    return ns["broadcast_add"](a, b)
