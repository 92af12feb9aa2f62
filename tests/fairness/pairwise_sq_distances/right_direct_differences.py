"""Direct differences, squared and summed over the feature dimension in one einsum."""

import torch


def pairwise_sq_distances(x, y):
    diff = x.unsqueeze(1) - y.unsqueeze(0)
    return torch.einsum("ijk,ijk->ij", diff, diff)
