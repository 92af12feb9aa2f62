"""Exercise polynomial_derivative — Derivative of a polynomial, by hand.
Tutorial: "PyTorch basics: from NumPy to deep learning", §3.4
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§3.4

`coeffs` is a 1-D tensor (c0, c1, ..., cK) that defines the polynomial f(x) = c0 + c1·x + c2·x² + ... +
cK·x^K, and `x` is a tensor of any shape with the same dtype. Return f'(x) evaluated at every element
of `x`: a tensor of x's shape and dtype. Derive the formula yourself; autograd is not allowed here.
`coeffs` may have a single entry (a constant: the derivative is 0) or none at all (f = 0), and `x`
may contain 0.

`coeffs` 是一维张量 (c0, c1, ..., cK)，定义多项式 f(x) = c0 + c1·x + c2·x² + ... + cK·x^K；`x` 是
任意形状、dtype 与 `coeffs` 相同的张量。返回在 `x` 每个元素处的导数值 f'(x)：形状和 dtype 都与 `x`
相同。请自己推导公式，这里不允许使用自动求导（autograd）。`coeffs` 可能只有一项（常数，导数为 0），
也可能一项都没有（f = 0）；`x` 中可能有 0。

Not allowed: autograd (.backward, .grad, .requires_grad, .requires_grad_, .grad_fn, torch.autograd,
torch.func, functorch).
不允许使用：自动求导 autograd（.backward、.grad、.requires_grad、.requires_grad_、.grad_fn、torch.autograd、
torch.func、functorch）。
Check your work: pytest exercises/ -k polynomial_derivative
"""

import torch


def polynomial_derivative(coeffs: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise polynomial_derivative: replace this line with your code")
