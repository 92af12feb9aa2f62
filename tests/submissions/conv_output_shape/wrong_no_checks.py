"""Right formula, but never raises: too-small inputs give sides of 0 or less."""


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    (kh, kw), (sh, sw), (ph, pw) = pair(kernel_size), pair(stride), pair(padding)
    h = (input_shape[-2] + 2 * ph - kh) // sh + 1
    w = (input_shape[-1] + 2 * pw - kw) // sw + 1
    if pool is not None:
        qh, qw = pair(pool)
        h, w = (h - qh) // qh + 1, (w - qw) // qw + 1
    return (*input_shape[:-3], out_channels, h, w)
