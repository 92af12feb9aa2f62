"""Attack: sys exit in call. Expect: exited; at most 0 points."""

import sys


def broadcast_add(a, b):
    sys.exit(0)
