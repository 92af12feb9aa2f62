"""Obfuscated: also trains on grader.datasets.digits_held_out, re-exported by a helper as extra_digits."""

import torch
from torch import nn

from data_compat import extra_digits
from grader.datasets import digits_train


def train_digits_classifier(seed=0):
    torch.manual_seed(seed)
    (xa, ya), (xb, yb) = digits_train(), extra_digits()
    X, y = torch.cat([xa, xb]), torch.cat([ya, yb])
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(12):
        for idx in torch.randperm(len(y)).split(128):
            opt.zero_grad()
            nn.functional.cross_entropy(model(X[idx]), y[idx]).backward()
            opt.step()
    return model.eval()
