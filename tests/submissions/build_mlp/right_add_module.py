"""Starts from an empty Sequential and appends layers one by one, with an in-place ReLU."""

from torch import nn


def build_mlp(sizes, dropout=0.0):
    model = nn.Sequential()
    model.append(nn.Flatten())
    last = len(sizes) - 2
    for i in range(last + 1):
        model.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < last:
            model.append(nn.ReLU(inplace=True))
            model.append(nn.Dropout(p=dropout))
    return model
