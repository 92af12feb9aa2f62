"""Reference for gradient_descent: torch.optim.SGD on a private copy of x0."""

from collections.abc import Callable

import torch


def gradient_descent(
    f: Callable[[torch.Tensor], torch.Tensor], x0: torch.Tensor, lr: float, steps: int
) -> torch.Tensor:
    x = x0.detach().clone().requires_grad_(True)
    optimizer = torch.optim.SGD([x], lr=lr)
    with torch.enable_grad():
        for _ in range(steps):
            optimizer.zero_grad()
            f(x).backward()
            optimizer.step()
    return x.detach()
