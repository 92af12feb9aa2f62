"""Exercise train_digits_classifier — Train a handwritten-digit classifier (seed 001 §9).

nn.Module + autograd, but the optimizer is my own Adam class (from exercise adam_step) with step() and
zero_grad(), like torch.optim's.
"""

import torch
from torch import nn

from grader.datasets import digits_train


class MyAdam:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        self.params = [p for p in params if p.requires_grad]
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.t = 0
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        self.t += 1
        for p, m, v in zip(self.params, self.m, self.v):
            if p.grad is None:
                continue
            m.mul_(self.beta1).add_(p.grad, alpha=1 - self.beta1)
            v.mul_(self.beta2).addcmul_(p.grad, p.grad, value=1 - self.beta2)
            m_hat = m / (1 - self.beta1**self.t)
            v_hat = v / (1 - self.beta2**self.t)
            p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))


def train_digits_classifier(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    X, y = digits_train()
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = MyAdam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(12):
        model.train()
        for batch in torch.randperm(len(y)).split(128):
            optimizer.zero_grad()
            loss = loss_fn(model(X[batch]), y[batch])
            loss.backward()
            optimizer.step()
    model.eval()
    return model
