"""Attack: returns a view of an input. Expect: failed; at most 0 points."""


def broadcast_add(a, b):
    return a[...]
