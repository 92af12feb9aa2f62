"""Exercise train_digits_classifier — Train a handwritten-digit classifier (seed 001 §9).

Config-driven, the way my training scripts are: the activation, loss and optimizer are named in a dict
and looked up in torch.nn / torch.optim with getattr, so trying another one is a one-word change.
"""

import torch
from torch import nn

from grader.datasets import digits_train

CONFIG = {
    "hidden": [128],
    "activation": "ReLU",
    "loss": "CrossEntropyLoss",
    "optimizer": "Adam",
    "optimizer_args": {"lr": 1e-2},
    "epochs": 15,
    "batch_size": 128,
}


def build_model(cfg):
    layers = [nn.Flatten()]
    sizes = [64, *cfg["hidden"]]
    for n_in, n_out in zip(sizes, sizes[1:]):
        layers += [nn.Linear(n_in, n_out), getattr(nn, cfg["activation"])()]
    layers.append(nn.Linear(sizes[-1], 10))
    return nn.Sequential(*layers)


def train_digits_classifier(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    cfg = CONFIG
    images, labels = digits_train()
    model = build_model(cfg)
    loss_fn = getattr(nn, cfg["loss"])()
    optimizer = getattr(torch.optim, cfg["optimizer"])(model.parameters(), **cfg["optimizer_args"])
    for epoch in range(cfg["epochs"]):
        model.train()
        for idx in torch.randperm(len(labels)).split(cfg["batch_size"]):
            optimizer.zero_grad()
            loss_fn(model(images[idx]), labels[idx]).backward()
            optimizer.step()
    return model.eval()
