"""Attack: memory bomb. Expect: memory; at most 0 points."""


def broadcast_add(a, b):
    hog = []
    while True:
        hog.append(bytearray(1 << 26))
