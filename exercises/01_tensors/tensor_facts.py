"""Exercise tensor_facts — Know your tensor.
Tutorial: "A PyTorch tutorial for beginners", §3.2
教程：《PyTorch 入门教程》§3.2

Return a dict that describes the tensor `x`, with exactly these keys:
`shape` (a tuple of ints), `ndim` (an int), `numel` (the number of elements, an int),
`dtype` (the string `str(x.dtype)`, e.g. "torch.float32"), `device` (the string `str(x.device)`, e.g. "cpu")
and `requires_grad` (a bool). It must work for any tensor: 0-d tensors, tensors with a side of size 0,
tensors that require grad, and tensors on the `meta` device (which have a shape but no values).

返回一个描述张量 `x` 的字典，键恰好是这几个：
`shape`（由 int 组成的 tuple）、`ndim`（int）、`numel`（元素个数，int）、
`dtype`（字符串 `str(x.dtype)`，例如 "torch.float32"）、`device`（字符串 `str(x.device)`，例如 "cpu"）
以及 `requires_grad`（bool）。对任何张量都要能用：0 维张量、某一维大小为 0 的张量、
需要梯度的张量，以及 `meta` 设备上的张量（它们只有形状，没有数值）。

Check your work: pytest exercises/ -k tensor_facts
"""

import torch


def tensor_facts(x: torch.Tensor) -> dict:
    raise NotImplementedError("exercise tensor_facts: replace this line with your code")
