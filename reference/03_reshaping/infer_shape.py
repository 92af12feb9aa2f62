"""Reference for infer_shape: reshape a meta tensor (no memory) and let PyTorch resolve the -1."""

import torch


def infer_shape(numel: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    try:
        return tuple(torch.empty(numel, device="meta").reshape(shape).shape)
    except RuntimeError as e:
        raise ValueError(f"shape {shape} does not fit {numel} elements: {e}") from e
