"""Returns an independent copy: detach, move to the CPU, convert, then .copy() so nothing is shared."""


def to_numpy(t):
    return t.detach().cpu().numpy().copy()
