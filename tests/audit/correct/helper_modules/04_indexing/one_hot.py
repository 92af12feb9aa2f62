"""Exercise one_hot — One-hot encoding (seed 001 §3.5)."""

import torch

from label_utils import check_labels, eye


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    check_labels(labels, num_classes)
    return eye(num_classes)[labels]
