"""Exercise tensor_facts — Know your tensor (seed 001 §3.2).

Return a dict describing the tensor `x`, with exactly the keys `shape` (tuple of ints), `ndim` (int),
`numel` (int), `dtype` (the string `str(x.dtype)`), `device` (the string `str(x.device)`) and
`requires_grad` (bool). It must work for 0-d and empty tensors, tensors that require grad, and tensors
on the `meta` device.

返回一个描述张量 `x` 的字典，键恰好为 `shape`（int 组成的 tuple）、`ndim`（int）、`numel`（int）、
`dtype`（字符串 `str(x.dtype)`）、`device`（字符串 `str(x.device)`）和 `requires_grad`（bool）。
对 0 维张量、空张量、需要梯度的张量以及 `meta` 设备上的张量都要能用。

Check your work: pytest exercises/ -k tensor_facts
"""

import torch


def tensor_facts(x: torch.Tensor) -> dict:
    raise NotImplementedError("exercise tensor_facts: replace this line with your code")
