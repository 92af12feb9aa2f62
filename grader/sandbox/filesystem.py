"""What learner code sees of the file system: a new, nearly empty root holding only what it needs.

:func:`plan` decides, in the fork server (trusted, before any learner code), what the view holds: the
system's programs and libraries, a few files of /etc, the Python installation and the packages the fork
server imported, each **read-only**; devices that are safe to share; the references and the checkout's
tests hidden even where an installed package would show them. :func:`build` makes it, in the namespace's
init: a tmpfs as the new root, read-only bind mounts of the view, private /proc, /dev, /tmp and a writable
working directory, then ``pivot_root`` so nothing else is reachable. Home directories, other checkouts
of the course, other learners' files and the grader's own scratch space are simply not there.
"""

from __future__ import annotations

import contextlib
import os
import site
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox import kernel

SYSTEM = ("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32")
ETC = (
    "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "passwd", "group", "nsswitch.conf", "localtime",
    "timezone", "os-release", "alternatives", "ssl", "ca-certificates", "mime.types", "hosts", "host.conf",
    "gai.conf", "locale.alias", "locale.gen",
)  # fmt: skip
DEVICES = ("null", "zero", "full", "random", "urandom")
GPU_DEVICES = ("nvidia*", "nvidia-caps/*", "nvidia-uvm*", "nvidiactl", "dri/*")
READ_ONLY = kernel.MOUNT_ATTR_RDONLY | kernel.MOUNT_ATTR_NOSUID | kernel.MOUNT_ATTR_NODEV
TMPFS = kernel.MS_NOSUID | kernel.MS_NODEV


@dataclass(frozen=True)
class View:
    read_only: tuple[Path, ...]  # directories and files, bound read-only at the same path
    symlinks: tuple[tuple[Path, str], ...]  # recreated as they are (merged /usr: /bin -> usr/bin)
    hidden: tuple[Path, ...]  # inside a read-only path, covered by an empty read-only directory
    devices: tuple[Path, ...]

    def shows(self, path: Path) -> bool:
        """Whether ``path`` is reachable in the view (for tests and reports)."""
        path = Path(path)
        if any(path == h or path.is_relative_to(h) for h in self.hidden):
            return False
        return any(path == p or path.is_relative_to(p) for p in self.read_only)


def plan(hidden: list[Path]) -> View:
    """The view for this interpreter and the modules loaded so far (call once everything is imported)."""
    read_only: set[Path] = set()
    symlinks: list[tuple[Path, str]] = []
    for name in SYSTEM:
        _add(Path("/") / name, read_only, symlinks)
    for name in ETC:
        _add(Path("/etc") / name, read_only, symlinks)
    for path in _python_paths():
        _add(path, read_only, symlinks)
    for path in _package_roots():
        _add(path, read_only, symlinks)
    devices = [Path("/dev") / d for d in DEVICES]
    gpu = [p for pattern in GPU_DEVICES for p in Path("/dev").glob(pattern)]
    if gpu:  # CUDA enumerates devices through /sys
        devices += gpu
        read_only.add(Path("/sys"))
    roots = _outermost(read_only)
    hidden_inside = tuple(h for h in hidden if h.exists() and any(h.is_relative_to(r) for r in roots))
    return View(tuple(sorted(roots)), tuple(symlinks), hidden_inside, tuple(d for d in devices if d.exists()))


def _add(path: Path, read_only: set[Path], symlinks: list[tuple[Path, str]]) -> None:
    if path.is_symlink() and path.parent == Path(os.path.realpath(path.parent)):
        symlinks.append((path, os.readlink(path)))
        _add(Path(os.path.realpath(path)), read_only, symlinks)
    elif path.exists():
        read_only.add(Path(os.path.realpath(path)))


def _python_paths() -> set[Path]:
    """The interpreter, its standard library and the site-packages folders (never a checkout on sys.path)."""
    prefixes = {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    paths = set(prefixes) | {Path(os.path.realpath(sys.executable)).parent}
    paths |= {Path(p) for p in sysconfig.get_paths().values()}
    with contextlib.suppress(AttributeError):
        paths |= {Path(p) for p in site.getsitepackages()}
    for entry in sys.path:
        path = Path(entry) if entry else None
        if path is not None and (
            path.name in ("site-packages", "dist-packages") or any(path.is_relative_to(p) for p in prefixes)
        ):
            paths.add(path)
    return {p for p in paths if p.exists()}


def _package_roots() -> set[Path]:
    """The folder (or file) of every top-level package loaded, wherever it lives (an editable install)."""
    roots = set()
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file or "." in name or name == "__main__" or name.startswith("_graded_"):
            continue
        path = Path(file)
        roots.add(path.parent if path.name == "__init__.py" else path)
    return roots


def _outermost(paths: set[Path]) -> list[Path]:
    kept: list[Path] = []
    for path in sorted(paths, key=lambda p: len(p.parts)):
        if not any(path.is_relative_to(k) for k in kept):
            kept.append(path)
    return kept


# -- in the namespace's init ------------------------------------------------------------------------------


def build(view: View, new_root: Path, private: list[Path], writable: list[Path], tmpfs_bytes: int) -> bool:
    """Make ``new_root`` the root of this mount namespace, holding the view; ``private`` paths (the
    learner's copy) are added read-only and ``writable`` ones as fresh tmpfs. Returns whether every
    read-only mount is read-only all the way down (``mount_setattr``; old kernels: top mounts only)."""
    kernel.mount(None, "/", None, kernel.MS_REC | kernel.MS_PRIVATE)
    kernel.mount("tmpfs", new_root, "tmpfs", TMPFS, "size=1m,nr_inodes=16384,mode=0755")
    size = f"size={tmpfs_bytes},mode=1777"
    kernel.mount("tmpfs", _inside(new_root, Path("/tmp"), directory=True), "tmpfs", TMPFS, size)
    recursive = True
    for path in (*view.read_only, *private):
        target = _inside(new_root, path, directory=path.is_dir())
        kernel.mount(str(path), target, None, kernel.MS_BIND | kernel.MS_REC)
        recursive &= _seal(target)
    for path, link in view.symlinks:
        target = new_root / path.relative_to("/")
        if not target.exists() and not target.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(link)
    for path in view.hidden:
        kernel.mount("tmpfs", new_root / path.relative_to("/"), "tmpfs", TMPFS | kernel.MS_RDONLY, "size=4k")
    for path in writable:
        kernel.mount("tmpfs", _inside(new_root, path, directory=True), "tmpfs", TMPFS, size)
    _devices(view, new_root, size)
    proc = _inside(new_root, Path("/proc"), directory=True)
    kernel.mount("proc", proc, "proc", kernel.MS_NOSUID | kernel.MS_NODEV | kernel.MS_NOEXEC)
    os.chdir(new_root)
    kernel.pivot_root(".", ".")  # the old root now sits on top of the new one: detach it
    kernel.umount(".")
    os.chdir("/")
    return recursive


def _devices(view: View, new_root: Path, size: str) -> None:
    dev = _inside(new_root, Path("/dev"), directory=True)
    kernel.mount("tmpfs", dev, "tmpfs", kernel.MS_NOSUID, "size=64k,mode=0755")
    for device in view.devices:
        target = _inside(new_root, device, directory=False)
        kernel.mount(str(device), target, None, kernel.MS_BIND)
    kernel.mount("tmpfs", _inside(new_root, Path("/dev/shm"), directory=True), "tmpfs", TMPFS, size)
    for name, link in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                       ("stderr", "/proc/self/fd/2")):  # fmt: skip
        (dev / name).symlink_to(link)


def _inside(new_root: Path, path: Path, directory: bool) -> Path:
    target = new_root / path.relative_to("/")
    if directory:
        target.mkdir(parents=True, exist_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch(exist_ok=True)
    return target


def _seal(target: Path) -> bool:
    """Read-only, no setuid, no devices: recursively where the kernel can (Linux 5.12+)."""
    try:
        kernel.set_mount_attributes(target, READ_ONLY)
        return True
    except kernel.KernelError:
        pass
    # an unprivileged remount must keep the flags the mount was locked with (noexec, atime...)
    kept = 0
    flags = os.statvfs(target).f_flag
    for statvfs_flag, mount_flag in (
        (os.ST_NOEXEC, kernel.MS_NOEXEC),
        (os.ST_NOATIME, kernel.MS_NOATIME),
        (os.ST_NODIRATIME, kernel.MS_NODIRATIME),
        (os.ST_RELATIME, kernel.MS_RELATIME),
    ):
        if flags & statvfs_flag:
            kept |= mount_flag
    remount = kernel.MS_BIND | kernel.MS_REMOUNT | kernel.MS_RDONLY | kernel.MS_NOSUID | kernel.MS_NODEV
    kernel.mount(None, target, None, remount | kept)
    return False
