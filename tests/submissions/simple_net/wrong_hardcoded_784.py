"""Flattens to (-1, 784) whatever input_size is, so only MNIST-sized inputs work."""

import torch
from torch import nn


class SimpleNet(nn.Module):
    def __init__(self, input_size=784, hidden_size=128, output_size=10):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x.reshape(-1, 784))))
