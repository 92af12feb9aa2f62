"""Differentiation helpers (they are torch.autograd's, renamed)."""

from torch.autograd import grad as derivative  # noqa: F401


def track(t):
    return t.detach().clone().requires_grad_(True)
