"""Attack: code that never runs (under `if False:`) makes the static analysis fold a chain of ever bigger
integers, which took the trusted process hours (astroid computes constants as Python does), while the
function itself is correct. Expect: failed; at most 0 points.

The analysis's own deadline is checked between names, and the first name it looks at does all the folding.
The analysis runs in a process of its own with a deadline per file and a memory limit: it is killed, and
the gate fails with a message saying the file could not be checked.
"""

def _never_called():
    return x16  # the first name the analysis looks at: all the folding happens inside this one look


if False:
    x0 = 99999999999999999999
    x1 = x0 * x0 * x0
    x2 = x1 * x1 * x1
    x3 = x2 * x2 * x2
    x4 = x3 * x3 * x3
    x5 = x4 * x4 * x4
    x6 = x5 * x5 * x5
    x7 = x6 * x6 * x6
    x8 = x7 * x7 * x7
    x9 = x8 * x8 * x8
    x10 = x9 * x9 * x9
    x11 = x10 * x10 * x10
    x12 = x11 * x11 * x11
    x13 = x12 * x12 * x12
    x14 = x13 * x13 * x13
    x15 = x14 * x14 * x14
    x16 = x15 * x15 * x15


def broadcast_add(a, b):  # tests/submissions/broadcast_add/right_expand.py
    n = max(a.dim(), b.dim())
    sa = (1,) * (n - a.dim()) + tuple(a.shape)
    sb = (1,) * (n - b.dim()) + tuple(b.shape)
    out = []
    for x, y in zip(sa, sb, strict=True):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
        out.append(y if x == 1 else x)
    return a.reshape(sa).expand(out) + b.reshape(sb).expand(out)
