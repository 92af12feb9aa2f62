"""Exercise train_digits_classifier — Train a handwritten-digit classifier (seed 001 §9)."""

import torch
from torch import nn

from grader.datasets import digits_train


def train_digits_classifier(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    images, labels = digits_train()
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    criterion = nn.CrossEntropyLoss()
    model.train()
    for epoch in range(15):
        perm = torch.randperm(len(labels))  # shuffle every epoch
        for i in range(0, len(labels), 64):
            idx = perm[i : i + 64]
            optimizer.zero_grad()
            loss = criterion(model(images[idx]), labels[idx])
            loss.backward()
            optimizer.step()
    model.eval()
    return model
