"""Treats any pooling as halving (MaxPool2d(2)), whatever pool is; handles ints only."""


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4):
        raise ValueError(f"input_shape must be 3-D or 4-D, got {input_shape}")
    if out_channels < 1 or kernel_size < 1 or stride < 1 or padding < 0 or (pool is not None and pool < 1):
        raise ValueError("bad arguments")
    h = (input_shape[-2] + 2 * padding - kernel_size) // stride + 1
    w = (input_shape[-1] + 2 * padding - kernel_size) // stride + 1
    if pool is not None:
        h, w = h // 2, w // 2
    if h < 1 or w < 1:
        raise ValueError(f"output {h}x{w} is too small")
    return (*input_shape[:-3], out_channels, h, w)
