"""Attack: gigabyte of stdout. Expect: output_limit; at most 0 points."""

import sys


def broadcast_add(a, b):
    line = "x" * (1 << 20)
    for _ in range(1024):
        print(line)
