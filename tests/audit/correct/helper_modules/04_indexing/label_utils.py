"""Label helpers."""

import torch


def check_labels(labels: torch.Tensor, num_classes: int) -> None:
    bad = (labels < 0) | (labels >= num_classes)
    if bad.any():
        raise ValueError(f"labels {labels[bad].tolist()} are outside [0, {num_classes})")


def eye(n: int) -> torch.Tensor:
    """float32 identity, built by comparing indices."""
    idx = torch.arange(n)
    return (idx.unsqueeze(1) == idx.unsqueeze(0)).float()
