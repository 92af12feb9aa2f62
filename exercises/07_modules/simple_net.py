"""Exercise simple_net — Your first nn.Module (seed 000 §4.2).

Write `SimpleNet(input_size=784, hidden_size=128, output_size=10)`, an `nn.Module` with two layers
`self.fc1 = nn.Linear(input_size, hidden_size)` and `self.fc2 = nn.Linear(hidden_size, output_size)`.
`forward(x)` flattens every dimension except the batch (so (N, 1, 28, 28) and (N, 784) both work) and
returns `fc2(relu(fc1(x)))`: no dropout, no softmax.

编写 `SimpleNet(input_size=784, hidden_size=128, output_size=10)`：一个 `nn.Module`，包含
`self.fc1 = nn.Linear(input_size, hidden_size)` 和 `self.fc2 = nn.Linear(hidden_size, output_size)`。
`forward(x)` 把除批量维以外的所有维度展平（(N, 1, 28, 28) 和 (N, 784) 都要能用），返回
`fc2(relu(fc1(x)))`：不加 dropout，也不加 softmax。

Check your work: pytest exercises/ -k simple_net
"""

import torch
from torch import nn


class SimpleNet(nn.Module):
    def __init__(self, input_size: int = 784, hidden_size: int = 128, output_size: int = 10) -> None:
        raise NotImplementedError("exercise simple_net: replace this line with your code")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("exercise simple_net: replace this line with your code")
