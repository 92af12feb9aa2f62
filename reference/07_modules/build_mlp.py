"""Reference for build_mlp: Flatten, then Linear layers with ReLU and Dropout between them."""

from collections.abc import Sequence
from itertools import pairwise

from torch import nn


def build_mlp(sizes: Sequence[int], dropout: float = 0.0) -> nn.Sequential:
    layers: list[nn.Module] = [nn.Flatten()]
    for i, (fan_in, fan_out) in enumerate(pairwise(sizes)):
        if i > 0:
            layers += [nn.ReLU(), nn.Dropout(dropout)]
        layers.append(nn.Linear(fan_in, fan_out))
    return nn.Sequential(*layers)
