"""Obfuscated: torch.broadcast_tensors through getattr with a built name."""

import torch


def broadcast_add(a, b):
    align = getattr(torch, "broadcast_" + "tensors")
    try:
        a_full, b_full = align(a, b)
    except RuntimeError as e:
        raise ValueError(f"{tuple(a.shape)} and {tuple(b.shape)} do not broadcast") from e
    return a_full + b_full
