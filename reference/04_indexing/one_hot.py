"""Reference for one_hot: torch.nn.functional.one_hot, which the exercise forbids, behind a range check."""

import torch
import torch.nn.functional as F


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    if labels.numel() and (int(labels.min()) < 0 or int(labels.max()) >= num_classes):
        raise ValueError(
            f"labels must lie in [0, {num_classes}); got values from "
            f"{int(labels.min())} to {int(labels.max())}"
        )
    return F.one_hot(labels, num_classes).to(torch.float32)
