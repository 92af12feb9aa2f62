"""Obfuscated: numpy.array (forbidden) called through operator.methodcaller; copy=False shares."""

from operator import methodcaller

import numpy as np
import torch


def to_tensor_shared(a):
    return torch.from_numpy(methodcaller("array", a, copy=False)(np))
