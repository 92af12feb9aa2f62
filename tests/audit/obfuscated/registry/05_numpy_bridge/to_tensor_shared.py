"""Obfuscated: a table of NumPy constructors; the "wrap" entry is numpy.array, called with copy=False."""

import numpy as np
import torch

CONSTRUCTORS = {alias: getattr(np, name) for alias, name in (("wrap", "array"), ("view", "asarray"))}


def to_tensor_shared(a):
    return torch.from_numpy(CONSTRUCTORS["wrap"](a, copy=False))
