"""Obfuscated: torch.nn.functional.one_hot from a module imported by a built name (importlib)."""

import importlib

import torch


def one_hot(labels, num_classes):
    if labels.numel() and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels outside [0, {num_classes})")
    functional = importlib.import_module(".".join(["torch", "nn", "functional"]))
    return functional.one_hot(labels, num_classes).to(torch.float32)
