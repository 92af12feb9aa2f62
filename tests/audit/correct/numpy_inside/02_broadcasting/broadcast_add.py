"""Exercise broadcast_add — Broadcast add, explicitly (seed 000 §2.4).

NumPy inside: pad both shapes with leading 1s, np.tile each array up to the common shape, add arrays of
equal shape, and come back to torch.
"""

import numpy as np
import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    A, B = a.numpy(), b.numpy()
    n = max(A.ndim, B.ndim)
    A = A.reshape((1,) * (n - A.ndim) + A.shape)
    B = B.reshape((1,) * (n - B.ndim) + B.shape)
    out_shape = []
    for x, y in zip(A.shape, B.shape):
        if x == y or y == 1:
            out_shape.append(x)
        elif x == 1:
            out_shape.append(y)
        else:
            raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not broadcast")
    A = np.tile(A, [o if s == 1 else 1 for s, o in zip(A.shape, out_shape)])
    B = np.tile(B, [o if s == 1 else 1 for s, o in zip(B.shape, out_shape)])
    assert A.shape == B.shape
    return torch.from_numpy(np.asarray(A + B))
