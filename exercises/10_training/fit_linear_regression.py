"""Exercise fit_linear_regression — Linear regression by gradient descent.
Tutorial: "PyTorch's two cores: tensor operations and autograd", §3.3
教程：《PyTorch 的两大核心：张量操作和自动微分》§3.3

Fit `y ≈ X @ w + b` by full-batch gradient descent on the mean squared error. Start from `w = 0` and
`b = 0`, and take exactly `epochs` steps of size `lr`, each on the gradient of the MSE over all `n`
samples. `X` has shape (n, d) and `y` shape (n,). Return `(w, b)`: `w` of shape (d,), `b` a 0-d tensor,
both detached and in `X`'s dtype. On well-conditioned data the default settings recover the
least-squares solution; do not compute that solution in closed form.

用整批（full-batch）梯度下降最小化均方误差，拟合 `y ≈ X @ w + b`。从 `w = 0`、`b = 0` 出发，
恰好走 `epochs` 步、步长为 `lr`，每一步都使用全部 `n` 个样本上 MSE 的梯度。`X` 的形状是 (n, d)，
`y` 的形状是 (n,)。返回 `(w, b)`：`w` 形状为 (d,)，`b` 是 0 维张量，两者都已 detach，
且数据类型与 `X` 相同。在条件良好的数据上，默认参数能得到最小二乘解；不要用闭式解直接计算它。

Not allowed: closed-form solvers (lstsq, pinv, solve, inv / inverse and their NumPy/SciPy spellings).
不允许使用：闭式求解器（lstsq、pinv、solve、inv / inverse，以及它们在 NumPy/SciPy 中的写法）。
Check your work: pytest exercises/ -k fit_linear_regression
"""

import torch


def fit_linear_regression(
    X: torch.Tensor, y: torch.Tensor, epochs: int = 200, lr: float = 0.1
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError("exercise fit_linear_regression: replace this line with your code")
