"""Exercise one_hot — One-hot encoding (seed 001 §3.5).

A LabelEncoder with a one_hot method (my own, sklearn-ish) that scatters 1.0 into a zero table.
"""

import torch


class LabelEncoder:
    def __init__(self, num_classes: int):
        self.num_classes = num_classes

    def check(self, labels):
        if labels.numel() == 0:
            return
        lo, hi = int(labels.min()), int(labels.max())
        if lo < 0 or hi >= self.num_classes:
            raise ValueError(f"labels {lo}..{hi} not in [0, {self.num_classes})")

    def one_hot(self, labels: torch.Tensor) -> torch.Tensor:
        self.check(labels)
        out = torch.zeros(*labels.shape, self.num_classes, dtype=torch.float32)
        return out.scatter_(-1, labels.unsqueeze(-1), 1.0)


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    encoder = LabelEncoder(num_classes)
    return encoder.one_hot(labels)
