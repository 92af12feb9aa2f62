"""Exercise to_tensor_shared — NumPy array to tensor, without copying.
Tutorial: "A PyTorch tutorial for beginners", §3.6
教程：《PyTorch 入门教程》§3.6

Turn the NumPy array `a` into a tensor that shares its memory: the same values and shape, the matching
dtype (float64 stays float64, int32 stays int32, bool stays bool, ...), and no copy, so that writing into
the array shows in the tensor and writing into the tensor shows in the array. The array may be 0-d,
empty, or a non-contiguous view (a transposed or sliced array); the tensor must share memory with it
as it is. Copying the data in any way is not allowed.

把 NumPy 数组 `a` 变成一个与它共享内存的张量：数值和形状相同，dtype 对应（float64 仍是 float64，
int32 仍是 int32，bool 仍是 bool……），而且不复制数据——往数组里写入的值要在张量里看得到，
往张量里写入的值也要在数组里看得到。数组可能是 0 维的、空的，或者是不连续的视图（转置或切片
得到的数组），张量要直接与它本身共享内存。不允许以任何方式复制数据。

Not allowed: anything that copies (torch.tensor, .clone, .copy, .copy_, copy.deepcopy, .tolist, np.array,
np.copy, np.copyto).
不允许使用：任何会复制数据的操作（torch.tensor、.clone、.copy、.copy_、copy.deepcopy、.tolist、np.array、
np.copy、np.copyto）。
Check your work: pytest exercises/ -k to_tensor_shared
"""

import numpy as np
import torch


def to_tensor_shared(a: np.ndarray) -> torch.Tensor:
    raise NotImplementedError("exercise to_tensor_shared: replace this line with your code")
