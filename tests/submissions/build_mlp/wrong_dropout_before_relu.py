"""Puts Dropout before ReLU instead of after it."""

from torch import nn


def build_mlp(sizes, dropout=0.0):
    layers = [nn.Flatten()]
    for i in range(len(sizes) - 1):
        if i > 0:
            layers += [nn.Dropout(dropout), nn.ReLU()]
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
    return nn.Sequential(*layers)
