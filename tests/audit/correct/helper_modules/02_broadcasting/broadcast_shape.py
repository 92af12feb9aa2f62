"""Exercise broadcast_shape — The shape of a broadcast (seed 000 §2.4). The rule is in shape_rules.py."""

from shape_rules import broadcast_shapes


def broadcast_shape(shape_a, shape_b):
    return broadcast_shapes(shape_a, shape_b)
