"""Treats every tensor as a single number: t.item() only works for one-element tensors."""

import numpy as np


def to_numpy(t):
    return np.array(t.detach().item())
