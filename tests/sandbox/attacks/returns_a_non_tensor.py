"""Attack: returns a non tensor. Expect: failed; at most 0 points."""


def broadcast_add(a, b):
    return (a + b).tolist()
