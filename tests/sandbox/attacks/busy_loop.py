"""Attack: busy loop. Expect: timeout; at most 0 points."""


def broadcast_add(a, b):
    while True:
        pass
