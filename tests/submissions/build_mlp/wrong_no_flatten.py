"""Forgets the Flatten layer, so image-shaped inputs do not fit the first Linear."""

from torch import nn


def build_mlp(sizes, dropout=0.0):
    layers = []
    for i in range(len(sizes) - 1):
        if i > 0:
            layers += [nn.ReLU(), nn.Dropout(dropout)]
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
    return nn.Sequential(*layers)
