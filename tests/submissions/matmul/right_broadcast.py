"""Broadcasts a (n, k, 1) against b (1, k, m) and sums over k."""


def matmul(a, b):
    if a.shape[-1] != b.shape[0]:
        raise ValueError(f"a has shape {tuple(a.shape)} but b has shape {tuple(b.shape)}")
    return (a[:, :, None] * b[None, :, :]).sum(dim=1)
