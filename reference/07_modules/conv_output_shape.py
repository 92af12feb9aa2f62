"""Reference for conv_output_shape: run the real layers (which the exercise forbids) on a zero tensor."""

import warnings

import torch
from torch import nn


def conv_output_shape(
    input_shape: tuple[int, ...],
    out_channels: int,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    pool: int | tuple[int, int] | None = None,
) -> tuple[int, ...]:
    # on CPU (not the meta device) so that every argument check PyTorch makes really runs
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # "Initializing zero-element tensors is a no-op"
            layers = [nn.Conv2d(input_shape[-3], out_channels, kernel_size, stride, padding)]
            if pool is not None:
                layers.append(nn.MaxPool2d(pool))
            out = nn.Sequential(*layers)(torch.zeros(input_shape))
    except (RuntimeError, ValueError, IndexError) as e:
        raise ValueError(
            f"PyTorch refuses input_shape={input_shape}, out_channels={out_channels},"
            f" kernel_size={kernel_size}, stride={stride}, padding={padding}, pool={pool}: {e}"
        ) from None
    return tuple(out.shape)
