"""Obfuscated: torch.functional.broadcast_shapes from a module imported by a built name (__import__)."""

_functional = __import__("torch." + "functional", fromlist=["*"])


def broadcast_shape(shape_a, shape_b):
    try:
        return tuple(_functional.broadcast_shapes(shape_a, shape_b))
    except RuntimeError as e:
        raise ValueError(f"{shape_a} and {shape_b} do not broadcast") from e
