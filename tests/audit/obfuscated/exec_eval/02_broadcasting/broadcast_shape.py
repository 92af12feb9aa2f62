"""Obfuscated: torch.broadcast_shapes called from a string given to exec."""

import torch

CODE = """
try:
    result = tuple(torch.broadcast_shapes(shape_a, shape_b))
except RuntimeError as e:
    error = e
"""


def broadcast_shape(shape_a, shape_b):
    scope = {"torch": torch, "shape_a": shape_a, "shape_b": shape_b, "error": None}
    exec(CODE, scope)
    if scope["error"] is not None:
        raise ValueError(f"{shape_a} and {shape_b} do not broadcast")
    return scope["result"]
