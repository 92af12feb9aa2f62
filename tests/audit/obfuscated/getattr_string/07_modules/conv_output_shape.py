"""Obfuscated: runs nn.Conv2d and nn.MaxPool2d, found with getattr and built names."""

import warnings

import torch
from torch import nn


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    conv_cls = getattr(nn, "Conv" + str(2) + "d")
    pool_cls = getattr(nn, "Max" + "Pool" + str(2) + "d")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            layers = [conv_cls(input_shape[-3], out_channels, kernel_size, stride, padding)]
            if pool is not None:
                layers.append(pool_cls(pool))
            out = nn.Sequential(*layers)(torch.zeros(input_shape))
    except (RuntimeError, ValueError, IndexError) as e:
        raise ValueError(f"refused: {e}") from None
    return tuple(out.shape)
