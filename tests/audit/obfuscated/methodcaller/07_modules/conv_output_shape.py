"""Obfuscated: nn.Conv2d / nn.MaxPool2d built through operator.methodcaller on the nn module."""

import warnings
from operator import methodcaller

import torch
from torch import nn


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            conv = methodcaller("Conv2d", input_shape[-3], out_channels, kernel_size, stride, padding)(nn)
            out = conv(torch.zeros(input_shape))
            if pool is not None:
                out = methodcaller("MaxPool2d", pool)(nn)(out)
    except (RuntimeError, ValueError, IndexError) as e:
        raise ValueError(str(e)) from None
    return tuple(out.shape)
