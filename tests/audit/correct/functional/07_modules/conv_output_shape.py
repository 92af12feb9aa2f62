"""Exercise conv_output_shape — Output shape of a conv layer (seed 000 §4.3)."""


def _pair(v, name):
    if isinstance(v, int):
        return v, v
    if len(v) != 2:
        raise ValueError(f"{name} must be an int or a pair, got {v}")
    return int(v[0]), int(v[1])


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4):
        raise ValueError(f"input_shape must be (N, C, H, W) or (C, H, W), got {input_shape}")
    if out_channels <= 0:
        raise ValueError(f"out_channels must be positive, got {out_channels}")
    kh, kw = _pair(kernel_size, "kernel_size")
    sh, sw = _pair(stride, "stride")
    ph, pw = _pair(padding, "padding")
    if min(kh, kw) <= 0 or min(sh, sw) <= 0:
        raise ValueError(f"kernel_size={kernel_size} and stride={stride} must be positive")
    if min(ph, pw) < 0:
        raise ValueError(f"padding must be >= 0, got {padding}")
    H, W = input_shape[-2], input_shape[-1]
    h = (H + 2 * ph - kh) // sh + 1
    w = (W + 2 * pw - kw) // sw + 1
    if h < 1 or w < 1:
        raise ValueError(f"input {H}x{W} is too small for kernel {kernel_size}: output would be {h}x{w}")
    if pool is not None:
        qh, qw = _pair(pool, "pool")
        if qh <= 0 or qw <= 0:
            raise ValueError(f"pool must be positive, got {pool}")
        # MaxPool2d(pool): stride = pool, no padding
        h = (h - qh) // qh + 1
        w = (w - qw) // qw + 1
        if h < 1 or w < 1:
            raise ValueError(f"pool {pool} is too big for the conv output")
    return (*input_shape[:-3], out_channels, h, w)
