"""Obfuscated: a meta tensor made and reshaped through a helper's aliases of torch.empty / torch.reshape."""

from tensor_compat import blank, fit_into


def infer_shape(numel, shape):
    try:
        return tuple(fit_into(blank(numel, device="meta"), shape).shape)
    except RuntimeError as e:
        raise ValueError(str(e)) from e
