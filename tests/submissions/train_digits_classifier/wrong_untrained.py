"""Builds a good model and returns it untrained (the training loop was never written)."""

import torch
from torch import nn


def train_digits_classifier(seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    return model
