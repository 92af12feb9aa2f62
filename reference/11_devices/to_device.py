"""Reference for to_device: PyTorch's own pytree map, which rebuilds dicts, lists, tuples and namedtuples."""

from typing import Any

import torch
from torch.utils._pytree import tree_map


def to_device(obj: Any, device: str | torch.device) -> Any:
    return tree_map(lambda x: x.to(device) if isinstance(x, torch.Tensor | torch.nn.Module) else x, obj)
