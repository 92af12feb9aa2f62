"""Attack: slow import. Expect: timeout; at most 0 points."""

import time

time.sleep(10**6)


def broadcast_add(a, b):
    return a + b
