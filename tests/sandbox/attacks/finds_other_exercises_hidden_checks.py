"""Attack: looks for other exercises' specs (their hidden checks) in its own memory. Expect: passed; at most 10 points.
Target: make_grid

The fork server preloaded every spec of the course, so each child held them all: in sys.modules and among
the objects the garbage collector knows. A child holds only its own exercise's spec; finding another's
fails the exercise with what was found, so a pass means nothing was.
"""

import gc
import sys

import torch


def _foreign(module_name):
    if not isinstance(module_name, str) or ".specs." not in module_name:
        return False
    leaf = module_name.rsplit(".", 1)[-1]
    return leaf != "make_grid" and not leaf.startswith("_")  # its own spec and the shared helpers


def make_grid(rows, cols, dtype=torch.int64):
    found = [name for name in list(sys.modules) if _foreign(name)]
    for obj in gc.get_objects():
        if callable(obj) and _foreign(getattr(obj, "__module__", None)):
            found.append(f"{obj.__module__}.{getattr(obj, '__qualname__', '?')}")
            break
    if found:
        raise RuntimeError("found: " + ", ".join(found[:5]))
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
