"""Obfuscated: numpy.array (forbidden) inside a string given to eval; copy=False shares."""

import numpy as np
import torch


def to_tensor_shared(a):
    return torch.from_numpy(eval("np.array(a, copy=False)", {"np": np, "a": a}))
