"""Attack: returns broadcastable wrong shape. Expect: failed; at most 2.5 points."""

"""Pads shapes with leading 1s, checks compatibility by hand, then expands both operands."""


def broadcast_add(a, b):
    n = max(a.dim(), b.dim())
    sa = (1,) * (n - a.dim()) + tuple(a.shape)
    sb = (1,) * (n - b.dim()) + tuple(b.shape)
    out = []
    for x, y in zip(sa, sb, strict=True):
        if x != y and 1 not in (x, y):
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
        out.append(y if x == 1 else x)
    return (a.reshape(sa).expand(out) + b.reshape(sb).expand(out)).unsqueeze(0)
