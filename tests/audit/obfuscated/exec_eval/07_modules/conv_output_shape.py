"""Obfuscated: nn.Conv2d / nn.MaxPool2d run from a string given to exec."""

import warnings

import torch

PROGRAM = """
from torch import nn
layers = [nn.Conv2d(input_shape[-3], out_channels, kernel_size, stride, padding)]
if pool is not None:
    layers.append(nn.MaxPool2d(pool))
shape = tuple(nn.Sequential(*layers)(torch.zeros(input_shape)).shape)
"""


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    env = dict(
        torch=torch, input_shape=input_shape, out_channels=out_channels, kernel_size=kernel_size,
        stride=stride, padding=padding, pool=pool,
    )
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            exec(PROGRAM, env)
    except (RuntimeError, ValueError, IndexError) as e:
        raise ValueError(str(e)) from None
    return env["shape"]
