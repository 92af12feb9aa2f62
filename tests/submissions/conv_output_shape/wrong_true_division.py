"""Uses / instead of //, so the sizes come back as floats (and are not rounded down)."""


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    *batch, _, h, w = input_shape
    h = (h + 2 * padding - kernel_size) / stride + 1
    w = (w + 2 * padding - kernel_size) / stride + 1
    if pool is not None:
        h, w = h / pool, w / pool
    if h < 1 or w < 1:
        raise ValueError(f"output {h}x{w} is too small")
    return (*batch, out_channels, h, w)
