"""Exercise one_hot — One-hot encoding (seed 001 §3.5)."""

import torch


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    if labels.numel() > 0:
        lo, hi = labels.min().item(), labels.max().item()
        if lo < 0 or hi >= num_classes:
            raise ValueError(f"labels must be in [0, {num_classes}), got min {lo} and max {hi}")
    # 单位矩阵的第 k 行就是类别 k 的独热向量
    eye = torch.eye(num_classes, dtype=torch.float32)
    return eye[labels]
