"""Reference for simple_net: two nn.Linear layers, flatten(1), ReLU in between."""

import torch
import torch.nn.functional as F
from torch import nn


class SimpleNet(nn.Module):
    def __init__(self, input_size: int = 784, hidden_size: int = 128, output_size: int = 10) -> None:
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(F.relu(self.fc1(x.flatten(1))))
