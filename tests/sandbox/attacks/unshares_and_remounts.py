"""Attack: new user and mount namespaces, setns into another process's, then remounts. Expect: passed; at most 10 points.
Target: make_grid
"""

import ctypes, os, sys

import torch

CLONE_NEWNS, CLONE_NEWUSER = 0x00020000, 0x10000000
MS_REMOUNT, MS_BIND = 32, 4096


def make_grid(rows, cols, dtype=torch.int64):
    libc = ctypes.CDLL(None, use_errno=True)
    hits = []
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0:
        hits.append("unshare")
    for pid in ("1", str(os.getppid())):
        try:
            fd = os.open(f"/proc/{pid}/ns/mnt", os.O_RDONLY)
            if libc.setns(fd, 0) == 0:
                hits.append(f"setns {pid}")
        except OSError:
            pass
    package = os.path.dirname(sys.modules["grader"].__file__)
    if libc.mount(None, package.encode(), None, ctypes.c_ulong(MS_REMOUNT | MS_BIND), None) == 0:
        hits.append("remount")
    try:
        with open(os.path.join(package, "cli.py"), "a") as f:
            f.write("\n# a submission was here\n")
        hits.append("write")
    except OSError:
        pass
    if "write" in hits:
        raise RuntimeError("escaped: " + ", ".join(hits))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
