"""Compatibility shims for chapter 02 (re-exports of torch's own broadcasting under other names)."""

from torch import broadcast_shapes as common_shape  # noqa: F401
from torch import broadcast_tensors as align_all  # noqa: F401
