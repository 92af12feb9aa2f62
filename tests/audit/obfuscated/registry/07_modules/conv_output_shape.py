"""Obfuscated: a layer registry built from torch.nn's namespace ({"Conv": Conv2d, "MaxPool": MaxPool2d})."""

import warnings

import torch
from torch import nn

LAYERS = {name[:-2]: cls for name, cls in vars(nn).items() if name.endswith("2d")}


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            out = LAYERS["Conv"](input_shape[-3], out_channels, kernel_size, stride, padding)(torch.zeros(input_shape))
            if pool is not None:
                out = LAYERS["MaxPool"](pool)(out)
    except (RuntimeError, ValueError, IndexError) as e:
        raise ValueError(str(e)) from None
    return tuple(out.shape)
