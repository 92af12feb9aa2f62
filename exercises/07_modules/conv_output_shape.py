"""Exercise conv_output_shape — Output shape of a conv layer (seed 000 §4.3).

Return, as a tuple of ints, the shape after `nn.Conv2d(C, out_channels, kernel_size, stride, padding)`
applied to an input of shape (N, C, H, W) or (C, H, W), then `nn.MaxPool2d(pool)` when `pool` is not None.
Per side: out = (size + 2*padding - kernel) // stride + 1. Each of kernel_size, stride, padding, pool is an
int or a (height, width) pair. Raise ValueError where PyTorch would refuse (a side < 1, non-positive
out_channels/kernel/stride/pool, negative padding, input_shape not 3-D or 4-D).

以 int 元组返回形状为 (N, C, H, W) 或 (C, H, W) 的输入经过 `nn.Conv2d(C, out_channels, kernel_size,
stride, padding)`、再（pool 不为 None 时）经过 `nn.MaxPool2d(pool)` 后的形状。每条边：
输出 = (尺寸 + 2*padding - kernel) // stride + 1。kernel_size、stride、padding、pool 都可以是 int
或 (高, 宽) 二元组。PyTorch 会拒绝的情况抛出 ValueError。

Not allowed: running the layers (nn.Conv2d, F.conv2d, nn.MaxPool2d, F.max_pool2d and relatives).
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
