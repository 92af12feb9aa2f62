"""Reference for evaluate: a DataLoader over the data, in eval mode under torch.no_grad()."""

from collections.abc import Callable

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def evaluate(
    model: nn.Module,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    batch_size: int = 64,
) -> tuple[float, float]:
    was_training = model.training
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for x, y in DataLoader(TensorDataset(inputs, targets), batch_size=batch_size):
            outputs = model(x)
            total_loss += loss_fn(outputs, y).item() * len(y)
            correct += (outputs.argmax(dim=1) == y).sum().item()
    model.train(was_training)
    n = len(targets)
    return total_loss / n, correct / n
