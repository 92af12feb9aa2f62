"""Exercise fit_linear_regression — Linear regression by gradient descent (seed 002 §3.3).

Fit `y ≈ X @ w + b` by full-batch gradient descent on the mean squared error. Start from `w = 0` and
`b = 0`, and take exactly `epochs` steps of size `lr`, each on the gradient of the MSE over all `n`
samples. `X` has shape (n, d) and `y` shape (n,). Return `(w, b)`: `w` of shape (d,), `b` a 0-d tensor,
both detached and in `X`'s dtype.

用整批梯度下降最小化均方误差，拟合 `y ≈ X @ w + b`：从 `w = 0`、`b = 0` 出发，恰好走 `epochs` 步、
步长为 `lr`，每一步都用全部样本上 MSE 的梯度。返回 `(w, b)`：`w` 形状为 (d,)，`b` 是 0 维张量，
两者都已 detach，数据类型与 `X` 相同。

Not allowed: closed-form solvers (lstsq, pinv, solve, inv / inverse and their NumPy/SciPy spellings).
Check your work: pytest exercises/ -k fit_linear_regression
"""

import torch


def fit_linear_regression(
    X: torch.Tensor, y: torch.Tensor, epochs: int = 200, lr: float = 0.1
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError("exercise fit_linear_regression: replace this line with your code")
