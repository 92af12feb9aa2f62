"""Exercise to_numpy — Tensor to NumPy array, from anywhere (seed 001 §3.6).

Return a NumPy array with the values, shape and matching dtype of the tensor `t`. It must work when `t`
requires grad and when `t` is on a GPU (`t.numpy()` alone refuses both). A 0-d tensor gives a 0-d array.

返回一个 NumPy 数组，数值、形状与张量 `t` 相同，dtype 对应。`t` 需要梯度或位于 GPU 上时也必须能用
（单独调用 `t.numpy()` 在这两种情况下都会报错）。0 维张量得到 0 维数组。

Check your work: pytest exercises/ -k to_numpy
"""

import numpy as np
import torch


def to_numpy(t: torch.Tensor) -> np.ndarray:
    raise NotImplementedError("exercise to_numpy: replace this line with your code")
