"""Attack: self sigkill. Expect: crashed; at most 0 points."""

import os, signal


def broadcast_add(a, b):
    os.kill(os.getpid(), signal.SIGKILL)
