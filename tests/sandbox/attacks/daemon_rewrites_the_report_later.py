"""Attack: daemon rewrites the report later. Expect: failed; at most 0 points."""

import os, time


def broadcast_add(a, b):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for _ in range(30):
                time.sleep(0.1)
                try:
                    open("$report", "w").write("forged")
                    open("$marker", "w").write("alive")
                except OSError:
                    pass
        os._exit(0)
    return a
