"""Shape arithmetic for conv / pool layers (the formulas from 000 §4.3)."""


def to_pair(v, name):
    pair = (v, v) if isinstance(v, int) else tuple(v)
    if len(pair) != 2:
        raise ValueError(f"{name}={v!r}: expected an int or a pair")
    return pair


def out_size(size, kernel, stride=1, padding=0):
    return (size + 2 * padding - kernel) // stride + 1
