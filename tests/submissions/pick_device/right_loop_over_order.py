"""Builds the candidate list with the preference first, then takes the first available one."""

import torch


def pick_device(prefer=None):
    checks = {
        "cuda": torch.cuda.is_available,
        "mps": torch.backends.mps.is_available,
        "cpu": lambda: True,
    }
    if prefer is not None and prefer not in checks:
        raise ValueError(f"unknown device {prefer!r}; use 'cpu', 'cuda' or 'mps'")
    candidates = ([prefer] if prefer else []) + ["cuda", "mps", "cpu"]
    for name in candidates:
        if checks[name]():
            return torch.device(name)
