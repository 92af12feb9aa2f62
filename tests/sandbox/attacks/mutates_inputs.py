"""Attack: mutates inputs. Expect: failed; at most 0 points."""


def broadcast_add(a, b):
    a += b
    return a
