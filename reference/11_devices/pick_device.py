"""Reference for pick_device: asks torch which accelerators are available, in the order cuda, mps, cpu."""

import torch

ORDER = ("cuda", "mps", "cpu")


def pick_device(prefer: str | None = None) -> torch.device:
    if prefer is not None and prefer not in ORDER:
        raise ValueError(f"Expected prefer to be one of {ORDER} or None but got prefer={prefer!r}")
    available = {"cuda": torch.cuda.is_available(), "mps": torch.backends.mps.is_available(), "cpu": True}
    if prefer is not None and available[prefer]:
        return torch.device(prefer)
    return torch.device(next(name for name in ORDER if available[name]))
