"""Attack: moves itself out of its cgroup (to escape the memory and task caps). Expect: passed; at most 10 points.
Target: make_grid
"""

import glob, os

import torch


def make_grid(rows, cols, dtype=torch.int64):
    hits = []
    for procs in ["/sys/fs/cgroup/cgroup.procs", *glob.glob("/sys/fs/cgroup/*/cgroup.procs")]:
        try:
            with open(procs, "w") as f:
                f.write(str(os.getpid()))
            hits.append(procs)
        except OSError:
            pass
    if hits:
        raise RuntimeError("left its cgroup through " + ", ".join(hits))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
