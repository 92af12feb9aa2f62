"""Attack: ptrace and process_vm_readv on every other process. Expect: passed; at most 10 points.
Target: make_grid
"""

import ctypes, os

import torch

PTRACE_ATTACH, PTRACE_DETACH = 16, 17


class IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def make_grid(rows, cols, dtype=torch.int64):
    libc = ctypes.CDLL(None, use_errno=True)
    me, hits = os.getpid(), []
    buffer = ctypes.create_string_buffer(16)
    local = IoVec(ctypes.cast(buffer, ctypes.c_void_p), 16)
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        pid = int(entry)
        if libc.ptrace(PTRACE_ATTACH, pid, None, None) == 0:
            hits.append(f"ptrace {pid}")
            libc.ptrace(PTRACE_DETACH, pid, None, None)
        remote = IoVec(0x400000, 16)
        if libc.process_vm_readv(pid, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) > 0:
            hits.append(f"process_vm_readv {pid}")
    if hits:
        raise RuntimeError("reached: " + ", ".join(hits))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
