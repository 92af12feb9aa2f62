"""Exercise conv_output_shape — Output shape of a conv layer (seed 000 §4.3).

My own shape-only layers: Conv2d and MaxPool2d that take a shape through forward instead of a tensor.
"""


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


class Conv2d:
    def __init__(self, out_channels, kernel_size, stride=1, padding=0):
        self.out_channels = out_channels
        self.kernel_size = _pair(kernel_size)
        self.stride = _pair(stride)
        self.padding = _pair(padding)
        if out_channels < 1 or min(self.kernel_size) < 1 or min(self.stride) < 1 or min(self.padding) < 0:
            raise ValueError(
                f"bad Conv2d arguments: out_channels={out_channels}, kernel_size={kernel_size},"
                f" stride={stride}, padding={padding}"
            )

    def forward(self, shape):
        *batch, _, H, W = shape
        sides = []
        for size, k, s, p in zip((H, W), self.kernel_size, self.stride, self.padding):
            out = (size + 2 * p - k) // s + 1
            if out < 1:
                raise ValueError(f"side {size} too small for kernel {k} (padding {p}, stride {s})")
            sides.append(out)
        return (*batch, self.out_channels, *sides)


class MaxPool2d:
    def __init__(self, kernel_size):
        self.kernel_size = _pair(kernel_size)
        if min(self.kernel_size) < 1:
            raise ValueError(f"pool must be positive, got {kernel_size}")

    def forward(self, shape):
        *rest, H, W = shape
        sides = []
        for size, k in zip((H, W), self.kernel_size):
            out = (size - k) // k + 1  # stride = kernel, no padding
            if out < 1:
                raise ValueError(f"side {size} too small for pool {k}")
            sides.append(out)
        return (*rest, *sides)


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4):
        raise ValueError(f"expected a 3-D or 4-D input shape, got {input_shape}")
    layers = [Conv2d(out_channels, kernel_size, stride, padding)]
    if pool is not None:
        layers.append(MaxPool2d(pool))
    shape = tuple(input_shape)
    for layer in layers:
        shape = layer.forward(shape)
    return tuple(shape)
