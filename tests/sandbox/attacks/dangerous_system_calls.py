"""Attack: bpf, perf_event_open, keyctl, kernel modules, kexec, userfaultfd, io_uring. Expect: passed; at most 10 points.
Target: make_grid

Each call is made with harmless arguments; the sandbox must refuse every one of them (EPERM) before
the kernel looks at the arguments, so any other answer fails the exercise naming the call.
"""

import ctypes, errno, platform

import torch

CALLS = {  # x86_64 and aarch64 numbers
    "bpf": (321, 280),
    "perf_event_open": (298, 241),
    "keyctl": (250, 219),
    "add_key": (248, 217),
    "init_module": (175, 105),
    "finit_module": (313, 273),
    "delete_module": (176, 106),
    "kexec_load": (246, 104),
    "userfaultfd": (323, 282),
    "io_uring_setup": (425, 425),
    "open_by_handle_at": (304, 265),
    "mount": (165, 40),
    "pivot_root": (155, 41),
    "ptrace": (101, 117),
    "unshare": (272, 97),
    "setns": (308, 268),
}


def make_grid(rows, cols, dtype=torch.int64):
    libc = ctypes.CDLL(None, use_errno=True)
    column = 0 if platform.machine() == "x86_64" else 1
    allowed = []
    for name, numbers in CALLS.items():
        ctypes.set_errno(0)
        result = libc.syscall(numbers[column], 0, 0, 0, 0, 0)
        if result >= 0 or ctypes.get_errno() != errno.EPERM:
            allowed.append(f"{name} ({errno.errorcode.get(ctypes.get_errno(), ctypes.get_errno())})")
    if allowed:
        raise RuntimeError("not refused: " + ", ".join(allowed))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
