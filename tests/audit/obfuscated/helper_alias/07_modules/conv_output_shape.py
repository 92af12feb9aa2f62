"""Obfuscated: runs nn.Conv2d / nn.MaxPool2d, re-exported by a helper as SpatialFilter / Downsample."""

import warnings

import torch

from layer_compat import Downsample, SpatialFilter


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            x = SpatialFilter(input_shape[-3], out_channels, kernel_size, stride, padding)(torch.zeros(input_shape))
            if pool is not None:
                x = Downsample(pool)(x)
    except (RuntimeError, ValueError, IndexError) as e:
        raise ValueError(str(e)) from None
    return tuple(x.shape)
