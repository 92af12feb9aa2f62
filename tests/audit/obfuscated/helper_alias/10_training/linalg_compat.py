"""Linear-algebra aliases."""

from torch.linalg import pinv as pseudo_inverse  # noqa: F401
