"""Exercise to_numpy — Tensor to NumPy array, from anywhere.
Tutorial: "A PyTorch tutorial for beginners", §3.6
教程：《PyTorch 入门教程》§3.6

Return a NumPy array with the values, shape and matching dtype of the tensor `t` (float32 gives
float32, int64 gives int64, bool gives bool, ...). It must also work when `t` requires grad (a model
parameter, say) and when `t` lives on a GPU: `t.numpy()` alone refuses both. A 0-d tensor gives a 0-d
array. Sharing memory with `t` is fine where NumPy can.

返回一个 NumPy 数组，数值、形状与张量 `t` 相同，dtype 对应（float32 得到 float32，int64 得到 int64，
bool 得到 bool……）。当 `t` 需要梯度（比如模型参数）或者位于 GPU 上时也必须能用：单独调用
`t.numpy()` 在这两种情况下都会报错。0 维张量得到 0 维数组。在可行的情况下与 `t` 共享内存是可以的。

Check your work: pytest exercises/ -k to_numpy
"""

import numpy as np
import torch


def to_numpy(t: torch.Tensor) -> np.ndarray:
    raise NotImplementedError("exercise to_numpy: replace this line with your code")
