"""Attack: sends SIGKILL to every process it can see, the grader included. Expect: passed; at most 10 points.
Target: make_grid

"passed" means the grader (and the correct bystander) lived on: nothing outside the learner's own
processes was in reach.
"""

import os, signal

import torch


def make_grid(rows, cols, dtype=torch.int64):
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in (me, 1):
            try:
                os.kill(int(entry), signal.SIGKILL)
            except OSError:
                pass
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
