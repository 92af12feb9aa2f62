"""Obfuscated: a registry of every public torch function whose name starts with "broadcast"."""

import torch

REGISTRY = {name[len("broadcast_"):]: fn for name, fn in vars(torch).items() if name.startswith("broadcast_")}


def broadcast_shape(shape_a, shape_b):
    try:
        return tuple(REGISTRY["shapes"](shape_a, shape_b))
    except RuntimeError as e:
        raise ValueError(f"{shape_a} and {shape_b} do not broadcast") from e
