"""Exercise pairwise_sq_distances — Pairwise squared distances, vectorised.
Tutorial: "PyTorch's two cores: tensor operations and autograd", §2.6
教程：《PyTorch 的两大核心：张量操作和自动微分》§2.6

For points `x` of shape (n, d) and `y` of shape (m, d), return the (n, m) tensor whose entry [i, j] is the
squared Euclidean distance `((x[i] - y[j]) ** 2).sum()`, in `x`'s dtype. Every entry must be >= 0, also
when rounding error would make a clever formula slightly negative (identical points give 0).
Vectorise it: no Python loop over rows. Two timed checks compare its speed with a baseline, each call
on fresh random float32 inputs, alternating yours and the baseline's: on the CPU (one thread, n = 2048,
m = 16, d = 4) it must be at least 20x faster than a Python loop over the rows of x (each row vectorised
over y); on a CUDA GPU (n = m = 4096, d = 128, so think about memory too) at least 10x faster than NumPy
on the CPU. The timed calls' results are checked as well (a result kept from an earlier call fails), and
so are the inputs (they must come back unchanged). A timing too noisy to decide is not counted either way.

给定形状为 (n, d) 的点集 `x` 和形状为 (m, d) 的点集 `y`，返回形状为 (n, m) 的张量，其中 [i, j] 是欧氏距离的
平方 `((x[i] - y[j]) ** 2).sum()`，数据类型与 `x` 相同。每个元素都必须 >= 0，即使某个巧妙的公式因舍入
误差算出微小的负数也不行（相同的点距离为 0）。
要向量化：不要用 Python 循环逐行计算。两项计时检查会把它的速度和基准比较，每次调用都用新的随机 float32
输入，你的代码和基准交替运行：在 CPU 上（单线程，n = 2048，m = 16，d = 4）必须比逐行遍历 x 的 Python 循环
（每行对 y 向量化）快至少 20 倍；在 CUDA GPU 上（n = m = 4096，d = 128，所以也要考虑内存占用）必须比 CPU 上的
NumPy 快至少 10 倍。计时调用的结果同样会被检查（返回之前调用的结果会判为错误），输入也必须保持不变。
噪声太大、无法判定的计时既不扣分也不算通过。

Not allowed: Python loops over rows (the timed check compares your speed with such a loop).
不允许使用：对行做 Python 循环（计时检查会拿你的速度和这样的循环比较）。
Check your work: pytest exercises/ -k pairwise_sq_distances
"""

import torch


def pairwise_sq_distances(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise pairwise_sq_distances: replace this line with your code")
