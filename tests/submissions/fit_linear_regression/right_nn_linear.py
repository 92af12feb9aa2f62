"""nn.Linear zero-initialised, trained with torch.optim.SGD on nn.MSELoss, then reshaped to (d,) and ()."""

import torch
from torch import nn


def fit_linear_regression(X, y, epochs=200, lr=0.1):
    layer = nn.Linear(X.shape[1], 1, dtype=X.dtype)
    nn.init.zeros_(layer.weight)
    nn.init.zeros_(layer.bias)
    optimizer = torch.optim.SGD(layer.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(layer(X).squeeze(1), y)
        loss.backward()
        optimizer.step()
    return layer.weight.detach().reshape(-1).clone(), layer.bias.detach().reshape(()).clone()
