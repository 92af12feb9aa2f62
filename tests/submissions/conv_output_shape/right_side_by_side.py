"""Computes one side at a time with a helper that validates as it goes; pooling as a second pass."""


def _two(value, name):
    if isinstance(value, int):
        return [value, value]
    if len(value) != 2:
        raise ValueError(f"{name} must be an int or a pair, got {value!r}")
    return list(value)


def _out(size, kernel, stride, padding):
    if kernel <= 0 or stride <= 0 or padding < 0:
        raise ValueError(f"kernel={kernel}, stride={stride}, padding={padding}: not allowed")
    out = (size + 2 * padding - kernel) // stride + 1
    if out <= 0:
        raise ValueError(f"a side of {size} is too small for kernel {kernel} with padding {padding}")
    return out


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    shape = list(input_shape)
    if len(shape) not in (3, 4):
        raise ValueError(f"expected (N, C, H, W) or (C, H, W), got {input_shape}")
    if out_channels <= 0:
        raise ValueError(f"out_channels must be positive, got {out_channels}")
    ks, ss, ps = _two(kernel_size, "kernel_size"), _two(stride, "stride"), _two(padding, "padding")
    sides = [_out(shape[-2 + i], ks[i], ss[i], ps[i]) for i in range(2)]
    if pool is not None:
        qs = _two(pool, "pool")
        sides = [_out(sides[i], qs[i], qs[i], 0) for i in range(2)]
    return (*shape[:-3], out_channels, *sides)
