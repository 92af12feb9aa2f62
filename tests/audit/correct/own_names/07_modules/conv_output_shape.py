"""Exercise conv_output_shape — Output shape of a conv layer (seed 000 §4.3).

A ShapeCalc with conv2d and max_pool2d methods (mine: they take and return shapes, not tensors).
"""


class ShapeCalc:
    @staticmethod
    def pair(v):
        return (v, v) if isinstance(v, int) else (v[0], v[1])

    def conv2d(self, shape, out_channels, kernel_size, stride=1, padding=0):
        k, s, p = self.pair(kernel_size), self.pair(stride), self.pair(padding)
        if out_channels <= 0 or min(k) <= 0 or min(s) <= 0 or min(p) < 0:
            raise ValueError(
                f"conv2d: out_channels={out_channels}, kernel_size={kernel_size}, stride={stride},"
                f" padding={padding} not allowed"
            )
        h = (shape[-2] + 2 * p[0] - k[0]) // s[0] + 1
        w = (shape[-1] + 2 * p[1] - k[1]) // s[1] + 1
        if h <= 0 or w <= 0:
            raise ValueError(f"conv2d: input {shape} too small, output would be {h}x{w}")
        return (*shape[:-3], out_channels, h, w)

    def max_pool2d(self, shape, kernel_size):
        k = self.pair(kernel_size)
        if min(k) <= 0:
            raise ValueError(f"max_pool2d: kernel_size={kernel_size} must be positive")
        h, w = (shape[-2] - k[0]) // k[0] + 1, (shape[-1] - k[1]) // k[1] + 1
        if h <= 0 or w <= 0:
            raise ValueError(f"max_pool2d: {shape[-2]}x{shape[-1]} is smaller than the pool {kernel_size}")
        return (*shape[:-2], h, w)


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4):
        raise ValueError(f"input_shape must have 3 or 4 entries, got {input_shape}")
    calc = ShapeCalc()
    shape = calc.conv2d(tuple(input_shape), out_channels, kernel_size, stride, padding)
    if pool is not None:
        shape = calc.max_pool2d(shape, pool)
    return shape
