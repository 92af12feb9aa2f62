"""Forgets the padding in the formula."""


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4):
        raise ValueError(f"input_shape must be 3-D or 4-D, got {input_shape}")
    (kh, kw), (sh, sw), (ph, pw) = pair(kernel_size), pair(stride), pair(padding)
    if out_channels < 1 or min(kh, kw, sh, sw) < 1 or min(ph, pw) < 0:
        raise ValueError("bad arguments")
    h = (input_shape[-2] - kh) // sh + 1
    w = (input_shape[-1] - kw) // sw + 1
    if pool is not None:
        qh, qw = pair(pool)
        if min(qh, qw) < 1:
            raise ValueError(f"bad pool {pool}")
        h, w = h // qh, w // qw
    if h < 1 or w < 1:
        raise ValueError(f"output {h}x{w} is too small")
    return (*input_shape[:-3], out_channels, h, w)
