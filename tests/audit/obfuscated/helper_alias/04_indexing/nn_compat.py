"""Short names for torch.nn pieces."""

import torch.nn.functional as nnf  # noqa: F401
