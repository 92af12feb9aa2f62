"""Returns an nn.ModuleList: it holds the layers but cannot be called on an input."""

from torch import nn


def build_mlp(sizes, dropout=0.0):
    layers = nn.ModuleList([nn.Flatten()])
    for i in range(len(sizes) - 1):
        if i > 0:
            layers.extend([nn.ReLU(), nn.Dropout(dropout)])
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
    return layers
