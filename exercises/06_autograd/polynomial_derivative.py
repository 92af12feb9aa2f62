"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4).

`coeffs` is a 1-D tensor (c0, c1, ..., cK) defining f(x) = c0 + c1·x + ... + cK·x^K; `x` is a tensor of
any shape with the same dtype. Return f'(x) at every element of x (x's shape and dtype). `coeffs` may
have one entry or none, and x may contain 0.

`coeffs` 是一维张量 (c0, c1, ..., cK)，定义 f(x) = c0 + c1·x + ... + cK·x^K；`x` 是任意形状、dtype 相同
的张量。返回在 x 每个元素处的 f'(x)（形状和 dtype 与 x 相同）。`coeffs` 可能只有一项或没有项，x 中可能有 0。

Not allowed: autograd (.backward, .grad, .requires_grad, .requires_grad_, .grad_fn, torch.autograd,
torch.func, functorch).
Check your work: pytest exercises/ -k polynomial_derivative
"""

import torch


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise polynomial_derivative: replace this line with your code")
