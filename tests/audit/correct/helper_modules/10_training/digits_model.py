"""Model and training loop for the digits (001 §9 MNISTNet, scaled down to 8x8 images)."""

import torch
from torch import nn


class DigitsNet(nn.Module):
    def __init__(self, hidden=128):
        super().__init__()
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(64, hidden)
        self.fc2 = nn.Linear(hidden, 10)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(self.flatten(x))))


def train(model, images, labels, epochs=15, batch_size=128, lr=1e-2):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    criterion = nn.CrossEntropyLoss()
    model.train()
    for _ in range(epochs):
        for idx in torch.randperm(len(labels)).split(batch_size):
            optimizer.zero_grad()
            criterion(model(images[idx]), labels[idx]).backward()
            optimizer.step()
    return model.eval()
