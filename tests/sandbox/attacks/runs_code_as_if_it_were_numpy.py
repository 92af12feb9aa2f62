"""Attack: runs its code with globals that say __name__ = "numpy", so the runtime record took its frame
for numpy's own; the API is reached through pkgutil.resolve_name. Expect: failed; at most 0 points.
"""

import pkgutil

_ns = {"__name__": "numpy", "_F": pkgutil.resolve_name("torch.broadcast_" "tensors")}
exec("def add(a, b):\n    a2, b2 = _F(a, b)\n    return a2 + b2\n", _ns)


def broadcast_add(a, b):
    try:
        return _ns["add"](a, b)
    except RuntimeError as e:
        raise ValueError(str(e)) from None
