"""Exercise simple_net — Your first nn.Module.
Tutorial: "PyTorch basics: from NumPy to deep learning", §4.2
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§4.2

Write the class `SimpleNet(input_size=784, hidden_size=128, output_size=10)`, a subclass of `nn.Module`
with two fully connected layers: `self.fc1 = nn.Linear(input_size, hidden_size)` and
`self.fc2 = nn.Linear(hidden_size, output_size)`. Its `forward(x)` first flattens every dimension of `x`
except the first (the batch), so that a batch of images of shape (N, 1, 28, 28) and a batch of vectors of
shape (N, 784) both work, then returns `fc2(relu(fc1(x)))`. No dropout and no softmax.

编写类 `SimpleNet(input_size=784, hidden_size=128, output_size=10)`：它继承 `nn.Module`，包含两个全连接层
`self.fc1 = nn.Linear(input_size, hidden_size)` 和 `self.fc2 = nn.Linear(hidden_size, output_size)`。
`forward(x)` 先把 `x` 除第一维（批量维）以外的所有维度展平，这样形状为 (N, 1, 28, 28) 的一批图片和
形状为 (N, 784) 的一批向量都能输入；然后返回 `fc2(relu(fc1(x)))`。不要加 dropout，也不要加 softmax。

Check your work: pytest exercises/ -k simple_net
"""

import torch
from torch import nn


class SimpleNet(nn.Module):
    def __init__(self, input_size: int = 784, hidden_size: int = 128, output_size: int = 10) -> None:
        raise NotImplementedError("exercise simple_net: replace this line with your code")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("exercise simple_net: replace this line with your code")
