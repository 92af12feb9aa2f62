"""Attack: os exit in call. Expect: exited; at most 0 points."""

import os


def broadcast_add(a, b):
    os._exit(0)
