"""Exercise broadcast_add — Broadcast add, explicitly (seed 000 §2.4).

Return `a + b` for two tensors whose shapes broadcast, but do the broadcasting yourself: bring both
operands to the common shape (unsqueeze/reshape, then expand or repeat) so the addition only ever sees
two tensors of the same shape. Raise ValueError when the shapes do not broadcast.

返回 `a + b`，但广播要自己做：先把两个张量变成共同的形状，再相加；形状无法广播时抛出 ValueError。

Not allowed: torch.broadcast_tensors / broadcast_to / broadcast_shapes and NumPy's broadcast helpers.
Check your work: pytest exercises/ -k broadcast_add
"""

import torch


def broadcast_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise broadcast_add: replace this line with your code")
