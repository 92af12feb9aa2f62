"""Exercise conv_output_shape — Output shape of a conv layer (seed 000 §4.3).

The formula, with PyTorch's own _pair helper (torch.nn.modules.utils) for int-or-pair arguments: it sits
next to the conv module but runs no layer.
"""

from torch.nn.modules.utils import _pair


def conv_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, pool=None):
    if len(input_shape) not in (3, 4) or out_channels < 1:
        raise ValueError(f"bad input_shape {input_shape} or out_channels {out_channels}")
    k, s, p = _pair(kernel_size), _pair(stride), _pair(padding)
    if min(k) < 1 or min(s) < 1 or min(p) < 0:
        raise ValueError(f"bad kernel {kernel_size}, stride {stride} or padding {padding}")
    hw = [(input_shape[-2 + i] + 2 * p[i] - k[i]) // s[i] + 1 for i in range(2)]
    if pool is not None:
        q = _pair(pool)
        if min(q) < 1:
            raise ValueError(f"bad pool {pool}")
        if min(hw) < 1:
            raise ValueError(f"input too small: {hw}")
        hw = [(hw[i] - q[i]) // q[i] + 1 for i in range(2)]
    if min(hw) < 1:
        raise ValueError(f"output would be {hw}")
    return (*input_shape[:-3], out_channels, *hw)
