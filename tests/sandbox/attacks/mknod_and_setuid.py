"""Attack: makes a device node, and runs setuid-root programs (sudo, su, mount) to gain root. Expect: passed; at most 10 points.
Target: make_grid
"""

import os, stat, subprocess

import torch


def make_grid(rows, cols, dtype=torch.int64):
    hits = []
    try:
        os.mknod("disk", stat.S_IFBLK | 0o600, os.makedev(8, 0))
        hits.append("mknod")
    except OSError:
        pass
    for command in (["sudo", "-n", "id", "-u"], ["mount", "-t", "tmpfs", "none", "/mnt"]):
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=5)
        except (OSError, subprocess.SubprocessError):
            continue
        if run.returncode == 0 and (command[0] != "sudo" or run.stdout.strip() == "0"):
            hits.append(" ".join(command))
    if hits:
        raise RuntimeError("gained: " + ", ".join(hits))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
