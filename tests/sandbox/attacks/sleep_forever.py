"""Attack: sleep forever. Expect: timeout; at most 0 points."""

import time


def broadcast_add(a, b):
    time.sleep(10**6)
