"""Exercise mlp_backward — Backpropagation through a small MLP, by hand.
Tutorial: "PyTorch basics: from NumPy to deep learning", §3.4
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§3.4

A two-layer network with inputs `x` (n, d_in), first layer `W1` (d_in, h) and `b1` (h,), second layer
`W2` (h, k) and `b2` (k,), and targets `y` (n, k), has the loss

    L = mean((relu(x @ W1 + b1) @ W2 + b2 - y) ** 2)      (mean over all n·k entries)

Return a dict with keys "W1", "b1", "W2", "b2": the gradient of L with respect to each, shaped like that
parameter and in its dtype. Take relu'(0) = 0, as PyTorch does. Do the backward pass by hand; autograd is
not allowed here.

一个两层网络：输入 `x` 形状 (n, d_in)，第一层 `W1` (d_in, h) 和 `b1` (h,)，第二层 `W2` (h, k) 和
`b2` (k,)，目标 `y` 形状 (n, k)。损失为

    L = mean((relu(x @ W1 + b1) @ W2 + b2 - y) ** 2)      （对全部 n·k 个元素求平均）

返回一个字典，键为 "W1"、"b1"、"W2"、"b2"：L 对各参数的梯度，形状和 dtype 与该参数相同。
与 PyTorch 一样取 relu'(0) = 0。请手写反向传播，这里不允许使用自动求导。

Not allowed: autograd (.backward, .grad, .requires_grad, .requires_grad_, .grad_fn, torch.autograd,
torch.func, functorch).
不允许使用：自动求导 autograd（.backward、.grad、.requires_grad、.requires_grad_、.grad_fn、torch.autograd、
torch.func、functorch）。
Check your work: pytest exercises/ -k mlp_backward
"""

import torch


def mlp_backward(
    x: torch.Tensor, W1: torch.Tensor, b1: torch.Tensor, W2: torch.Tensor, b2: torch.Tensor, y: torch.Tensor
) -> dict[str, torch.Tensor]:
    raise NotImplementedError("exercise mlp_backward: replace this line with your code")
