"""Attack: huge file. Expect: output_limit; at most 0 points."""


def broadcast_add(a, b):
    with open("big.bin", "wb") as f:
        for _ in range(1024):
            f.write(bytes(1 << 20))
