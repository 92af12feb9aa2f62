"""A seccomp filter for learner processes, built with libseccomp (the library systemd, Docker, Flatpak and
bubblewrap's users rely on), through a small ctypes binding to its stable C API.

Why not a Python package: libseccomp's own Python bindings are not on PyPI (distributions ship them for
the system Python only), and the PyPI wrapper ``pyseccomp`` has not been released since 2021. The C
library is installed on every mainstream Linux (systemd depends on it); five of its functions are all
this needs. Where it is missing, :func:`available` says so and the report records "seccomp: none".

The filter allows everything by default and refuses, with EPERM, the calls a learner never needs and an
attacker would: mounting and pivoting, new namespaces, tracing other processes, BPF and perf, the kernel
keyring, modules and kexec, device nodes, io_uring and userfaultfd (the usual kernel attack surface),
handle-based opens, clocks and hostnames, and terminal input injection. Foreign architectures (i386
calls from an x86_64 process) kill the process. The filter is compiled once, in the fork server
(:func:`prepare`), and each child only loads it (:func:`load`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
from functools import cache

# the calls refused outright
REFUSED = (
    # file systems: mounts, pivots and the new mount API
    "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig",
    "fsmount", "fspick", "mount_setattr",
    # namespaces (clone's namespace flags are refused below)
    "unshare", "setns",
    # other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    # the kernel's attack surface
    "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "keyctl", "add_key", "request_key",
    "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load",
    # the machine
    "reboot", "swapon", "swapoff", "acct", "quotactl", "quotactl_fd", "syslog", "vhangup",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "sethostname", "setdomainname",
    "iopl", "ioperm", "lookup_dcookie", "fanotify_init",
    # devices and handles
    "mknod", "mknodat", "open_by_handle_at", "name_to_handle_at",
)  # fmt: skip
CLONE_NAMESPACES = (0x00020000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000, 0x02000000)
TIOCSTI, TIOCLINUX = 0x5412, 0x541C

ACT_ALLOW = 0x7FFF0000
ACT_KILL_PROCESS = 0x80000000
ATTR_ACT_BADARCH, ATTR_CTL_NNP = 2, 3
CMP_EQ, CMP_MASKED_EQ = 4, 7


def act_errno(code: int) -> int:
    return 0x00050000 | (code & 0xFFFF)


class ArgCmp(ctypes.Structure):
    _fields_ = [("arg", ctypes.c_uint), ("op", ctypes.c_int), ("a", ctypes.c_uint64), ("b", ctypes.c_uint64)]


class SeccompError(OSError):
    pass


@cache
def _library() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("seccomp")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_init.argtypes = (ctypes.c_uint32,)
    lib.seccomp_rule_add_array.argtypes = (
        ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint, ctypes.POINTER(ArgCmp),
    )  # fmt: skip
    lib.seccomp_syscall_resolve_name.argtypes = (ctypes.c_char_p,)
    lib.seccomp_load.argtypes = (ctypes.c_void_p,)
    lib.seccomp_attr_set.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32)
    return lib


def available() -> bool:
    return _library() is not None


def version() -> str:
    lib = _library()
    if lib is None:
        return "none"
    lib.seccomp_version.restype = ctypes.POINTER(ctypes.c_uint * 3)
    major, minor, micro = lib.seccomp_version().contents
    return f"libseccomp {major}.{minor}.{micro}"


class Filter:
    """A compiled filter, ready to load into the calling process (and every thread and child it makes)."""

    def __init__(self) -> None:
        lib = _library()
        if lib is None:
            raise SeccompError(errno.ENOSYS, "libseccomp is not installed")
        self._lib = lib
        self._ctx = lib.seccomp_init(ACT_ALLOW)
        if not self._ctx:
            raise SeccompError(errno.ENOMEM, "seccomp_init failed")
        # no_new_privs is set by the sandbox itself, before loading (it is a mechanism of its own)
        self._attr(ATTR_CTL_NNP, 0)
        self._attr(ATTR_ACT_BADARCH, ACT_KILL_PROCESS)
        self.refused: list[str] = []
        refuse = act_errno(errno.EPERM)
        for name in REFUSED:
            if self._rule(refuse, name):
                self.refused.append(name)
        for flag in CLONE_NAMESPACES:  # clone() itself stays: fork and threads need it
            self._rule(refuse, "clone", ArgCmp(0, CMP_MASKED_EQ, flag, flag))
        # glibc falls back to clone() when clone3 is "not implemented": clone3's flags sit in memory,
        # out of a filter's reach, so it is refused as if it did not exist
        self._rule(act_errno(errno.ENOSYS), "clone3")
        for request in (TIOCSTI, TIOCLINUX):
            self._rule(refuse, "ioctl", ArgCmp(1, CMP_EQ, request, 0))
        self.refused.append("clone(namespace flags)")

    def _attr(self, attr: int, value: int) -> None:
        if self._lib.seccomp_attr_set(self._ctx, attr, value) != 0:
            raise SeccompError(errno.EINVAL, f"seccomp_attr_set({attr}) failed")

    def _rule(self, action: int, name: str, *compare: ArgCmp) -> bool:
        number = self._lib.seccomp_syscall_resolve_name(name.encode())
        if number < 0:  # not a call on this architecture (e.g. mknod on aarch64): nothing to refuse
            return False
        array = (ArgCmp * len(compare))(*compare) if compare else None
        result = self._lib.seccomp_rule_add_array(self._ctx, action, number, len(compare), array)
        if result != 0:
            raise SeccompError(-result, f"seccomp rule for {name} failed: {errno.errorcode.get(-result)}")
        return True

    def load(self) -> None:
        """Install the filter in this process; from now on it cannot be removed or loosened."""
        result = self._lib.seccomp_load(self._ctx)
        if result != 0:
            raise SeccompError(-result, f"seccomp_load failed: {errno.errorcode.get(-result, result)}")


_prepared: Filter | None = None


def prepare() -> Filter | None:
    """Compile the filter once (in the fork server: children inherit it compiled); None without libseccomp."""
    global _prepared
    if _prepared is None and available():
        _prepared = Filter()
    return _prepared
