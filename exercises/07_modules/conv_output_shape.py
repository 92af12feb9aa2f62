"""Exercise conv_output_shape — Output shape of a conv layer.
Tutorial: "PyTorch basics: from NumPy to deep learning", §4.3
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§4.3

Return, as a tuple of ints, the shape that `nn.Conv2d(C, out_channels, kernel_size, stride, padding)`
gives for an input of shape `input_shape` — (N, C, H, W), or (C, H, W) without a batch — followed, when
`pool` is not None, by `nn.MaxPool2d(pool)`. Compute it with the formula, without running any layer:
out = (size + 2·padding − kernel) // stride + 1 for each of height and width. `kernel_size`, `stride`,
`padding` and `pool` are each an int (the same for height and width) or a (height, width) pair.
Raise ValueError where PyTorch would refuse: a result side smaller than 1, a non-positive `out_channels`,
kernel, stride or pool, a negative padding, or an `input_shape` that is not 3-D or 4-D.

以 int 元组返回输入形状为 `input_shape`（(N, C, H, W)，或没有批量维时的 (C, H, W)）的张量经过
`nn.Conv2d(C, out_channels, kernel_size, stride, padding)` 后的形状；当 `pool` 不为 None 时，
再经过 `nn.MaxPool2d(pool)`。请用公式计算，不要真的运行任何层：高和宽分别满足
输出 = (尺寸 + 2·padding − kernel) // stride + 1。`kernel_size`、`stride`、`padding` 和 `pool`
可以是一个 int（高和宽相同），也可以是 (高, 宽) 二元组。
在 PyTorch 会拒绝的情况下抛出 ValueError：结果的某条边小于 1；`out_channels`、kernel、stride 或 pool
不是正数；padding 为负数；`input_shape` 既不是 3 维也不是 4 维。

Not allowed: running the layers (nn.Conv2d, F.conv2d, nn.MaxPool2d, F.max_pool2d and relatives).
不允许使用：运行这些层（nn.Conv2d、F.conv2d、nn.MaxPool2d、F.max_pool2d 及同类函数）。
Check your work: pytest exercises/ -k conv_output_shape
"""


def conv_output_shape(
    input_shape: tuple[int, ...],
    out_channels: int,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    pool: int | tuple[int, int] | None = None,
) -> tuple[int, ...]:
    raise NotImplementedError("exercise conv_output_shape: replace this line with your code")
