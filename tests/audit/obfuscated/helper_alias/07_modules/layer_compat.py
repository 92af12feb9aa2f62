"""Layer aliases."""

from torch.nn import Conv2d as SpatialFilter  # noqa: F401
from torch.nn import MaxPool2d as Downsample  # noqa: F401
