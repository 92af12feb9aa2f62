"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4).

x (n, d_in), W1 (d_in, h), b1 (h,), W2 (h, k), b2 (k,), y (n, k). For
L = mean((relu(x @ W1 + b1) @ W2 + b2 - y) ** 2) (mean over all n·k entries) return a dict with keys
"W1", "b1", "W2", "b2": dL/d(parameter), shaped like the parameter. relu'(0) = 0.

x (n, d_in)，W1 (d_in, h)，b1 (h,)，W2 (h, k)，b2 (k,)，y (n, k)。对
L = mean((relu(x @ W1 + b1) @ W2 + b2 - y) ** 2)（对全部 n·k 个元素求平均）返回字典，键为
"W1"、"b1"、"W2"、"b2"，值为 L 对该参数的梯度，形状与参数相同。relu'(0) = 0。

Not allowed: autograd (.backward, .grad, .requires_grad, .requires_grad_, .grad_fn, torch.autograd,
torch.func, functorch).
Check your work: pytest exercises/ -k mlp_backward
"""

import torch


def mlp_backward(
    x: torch.Tensor, W1: torch.Tensor, b1: torch.Tensor, W2: torch.Tensor, b2: torch.Tensor, y: torch.Tensor
) -> dict[str, torch.Tensor]:
    raise NotImplementedError("exercise mlp_backward: replace this line with your code")
