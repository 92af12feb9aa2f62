"""Optimizer aliases."""

from torch.optim import SGD as Momentum  # noqa: F401
from torch.optim import Adam as Adaptive  # noqa: F401
from torch.optim import AdamW as AdaptiveDecoupled  # noqa: F401
