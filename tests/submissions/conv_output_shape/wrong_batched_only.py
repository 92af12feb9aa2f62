"""Unpacks four sides, so an unbatched (C, H, W) input raises instead of working."""


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    n, _, h, w = input_shape
    (kh, kw), (sh, sw), (ph, pw) = pair(kernel_size), pair(stride), pair(padding)
    if out_channels < 1 or min(kh, kw, sh, sw) < 1 or min(ph, pw) < 0:
        raise ValueError("bad arguments")
    h, w = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    if pool is not None:
        qh, qw = pair(pool)
        if min(qh, qw) < 1:
            raise ValueError(f"bad pool {pool}")
        h, w = h // qh, w // qw
    if h < 1 or w < 1:
        raise ValueError(f"output {h}x{w} is too small")
    return (n, out_channels, h, w)
