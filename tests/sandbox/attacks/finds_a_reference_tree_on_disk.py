"""Attack: walks up from its working directory and across the disk for any copy of the course's references, and calls it. Expect: passed; at most 10 points.
Target: make_grid
Expect at uid: passed|failed; at most 10 points

The suite leaves a reference tree where a learner's code would look; finding any copy fails the
exercise with its path. Without a mount namespace (the uid level) a dedicated uid still reads whatever
the machine leaves world-readable, a checkout of the course included: that level does not hide files.
"""

import os

import torch


def make_grid(rows, cols, dtype=torch.int64):
    seen = set()
    here = os.path.abspath(os.getcwd())
    tops = []
    while True:
        tops.append(here)
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for top in tops + ["/home", "/root", "/work", "/tmp", "/var/tmp", "/opt", "/srv"]:
        for folder, dirs, files in os.walk(top):
            if folder in seen or folder.count(os.sep) > 8:
                dirs[:] = []
                continue
            seen.add(folder)
            if folder.endswith("02_broadcasting") and "broadcast_add.py" in files:
                source = open(os.path.join(folder, "broadcast_add.py")).read()
                if "NotImplementedError" not in source and "$marker" not in source:
                    raise RuntimeError(f"found a course copy at {folder}")
            dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
