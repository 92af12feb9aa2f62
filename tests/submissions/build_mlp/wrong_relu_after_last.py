"""Puts ReLU and Dropout after every Linear, the output layer included."""

from itertools import pairwise

from torch import nn


def build_mlp(sizes, dropout=0.0):
    layers = [nn.Flatten()]
    for a, b in pairwise(sizes):
        layers += [nn.Linear(a, b), nn.ReLU(), nn.Dropout(dropout)]
    return nn.Sequential(*layers)
