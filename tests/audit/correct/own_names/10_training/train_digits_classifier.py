"""Exercise train_digits_classifier — Train a handwritten-digit classifier (seed 001 §9).

Dataset / DataLoader as in 001 §7; load_digits() is my own wrapper around digits_train().
"""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from grader.datasets import digits_train


def load_digits():
    """The training split as a TensorDataset (images (N, 1, 8, 8), labels (N,))."""
    images, labels = digits_train()
    return TensorDataset(images, labels)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))

    def forward(self, x):
        return self.net(x)


def train_digits_classifier(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    loader = DataLoader(
        load_digits(), batch_size=128, shuffle=True, generator=torch.Generator().manual_seed(seed)
    )
    model = MLP()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(15):
        model.train()
        for images, labels in loader:
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
    model.eval()
    return model
