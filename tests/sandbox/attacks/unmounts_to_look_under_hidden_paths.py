"""Attack: unmounts whatever hides the references, then looks for them. Expect: passed; at most 10 points.
Target: make_grid
Expect at uid: passed|failed; at most 10 points

(At the uid level nothing is hidden, only unwritable: a world-readable checkout of the course is found.)
"""

import ctypes, os

import torch

MNT_DETACH = 2


def make_grid(rows, cols, dtype=torch.int64):
    libc = ctypes.CDLL(None, use_errno=True)
    with open("/proc/self/mounts") as f:
        points = [line.split()[1] for line in f]
    for point in reversed(points):
        libc.umount2(point.encode(), MNT_DETACH)
    for top in ("/work", "/home", "/root", "/tmp", "/srv", "/opt", "/builds", "/github"):
        for folder, dirs, files in os.walk(top):
            if "broadcast_add.py" in files and "reference" in folder:
                raise RuntimeError(f"found the reference at {folder}")
            if folder.count(os.sep) > 6:
                dirs[:] = []
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
