"""Loss aliases."""

from torch.nn import MSELoss as SquaredError  # noqa: F401
from torch.nn.functional import cross_entropy as xent  # noqa: F401
