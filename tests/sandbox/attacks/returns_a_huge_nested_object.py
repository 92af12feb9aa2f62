"""Attack: returns a huge nested object. Expect: failed; at most 0 points."""


def broadcast_add(a, b):
    x = []
    for _ in range(10000):
        x = [x]
    return x
