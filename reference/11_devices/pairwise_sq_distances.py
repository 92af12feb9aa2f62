"""Reference for pairwise_sq_distances: torch.cdist on exact differences (no matmul shortcut), squared."""

import torch


def pairwise_sq_distances(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.cdist(x, y, compute_mode="donot_use_mm_for_euclid_dist").square()
