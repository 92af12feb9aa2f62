"""Exercise conv_output_shape — Output shape of a conv layer (seed 000 §4.3). Formulas in conv_math.py."""

from conv_math import out_size, to_pair


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4):
        raise ValueError(f"input_shape {input_shape} is neither (C, H, W) nor (N, C, H, W)")
    if out_channels < 1:
        raise ValueError(f"out_channels={out_channels} must be >= 1")
    k, s, p = to_pair(kernel_size, "kernel_size"), to_pair(stride, "stride"), to_pair(padding, "padding")
    if min(k) < 1 or min(s) < 1 or min(p) < 0:
        raise ValueError(f"kernel_size={kernel_size}, stride={stride}, padding={padding} out of range")
    hw = [out_size(input_shape[-2 + i], k[i], s[i], p[i]) for i in range(2)]
    if min(hw) < 1:
        raise ValueError(f"conv output would be {hw[0]}x{hw[1]}: input {input_shape} is too small")
    if pool is not None:
        q = to_pair(pool, "pool")
        if min(q) < 1:
            raise ValueError(f"pool={pool} must be >= 1")
        hw = [out_size(hw[i], q[i], q[i]) for i in range(2)]
        if min(hw) < 1:
            raise ValueError(f"pool {pool} does not fit the conv output")
    return tuple(input_shape[:-3]) + (out_channels, hw[0], hw[1])
