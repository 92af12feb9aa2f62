"""Attack: looks for open file descriptors it inherited that lead outside (a directory, a file, a listening socket). Expect: passed; at most 10 points.
Target: make_grid

The one socket a child needs is its connection to the grader; anything else open is a way back out of
the new root (openat on a directory), or to a server (the fork server's listening socket).
"""

import os, socket, stat

import torch


def make_grid(rows, cols, dtype=torch.int64):
    leaks = []
    for fd in range(3, 1024):
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            continue
        listening = False
        if stat.S_ISSOCK(mode):
            with socket.fromfd(fd, socket.AF_UNIX, socket.SOCK_STREAM) as s:
                listening = bool(s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
        if stat.S_ISDIR(mode) or stat.S_ISREG(mode) or listening:
            try:
                where = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                where = "?"
            leaks.append(f"{fd} -> {where}")
    if leaks:
        raise RuntimeError("inherited: " + ", ".join(leaks))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
