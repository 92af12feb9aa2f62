"""Exercise to_tensor_shared — NumPy array to tensor, without copying (seed 001 §3.6).

Turn the NumPy array `a` into a tensor that shares its memory: same values and shape, the matching
dtype, and no copy, so a write into the array shows in the tensor and a write into the tensor shows in
the array. `a` may be 0-d, empty, or a non-contiguous view (transposed or sliced).

把 NumPy 数组 `a` 变成与它共享内存的张量：数值、形状相同，dtype 对应，不复制数据——往数组里写入的值
要在张量里看得到，反之亦然。`a` 可能是 0 维的、空的，或者是不连续的视图（转置或切片得到）。

Not allowed (they copy): torch.tensor, .clone, .copy, .copy_, copy.deepcopy, .tolist, np.array, np.copy,
np.copyto.
Check your work: pytest exercises/ -k to_tensor_shared
"""

import numpy as np
import torch


def to_tensor_shared(a: np.ndarray) -> torch.Tensor:
    raise NotImplementedError("exercise to_tensor_shared: replace this line with your code")
