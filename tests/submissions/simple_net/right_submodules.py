"""Keeps Flatten and ReLU as parameter-free submodules and defines fc2 before fc1."""

from torch import nn


class SimpleNet(nn.Module):
    def __init__(self, input_size: int = 784, hidden_size: int = 128, output_size: int = 10) -> None:
        super().__init__()
        self.flatten = nn.Flatten()
        self.fc2 = nn.Linear(hidden_size, output_size)
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.fc2(self.act(self.fc1(self.flatten(x))))
