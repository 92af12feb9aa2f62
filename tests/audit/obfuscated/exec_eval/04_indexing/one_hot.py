"""Obfuscated: F.one_hot imported and called inside a string given to exec."""

import torch


def one_hot(labels, num_classes):
    if labels.numel() and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels outside [0, {num_classes})")
    ns = {"labels": labels, "n": num_classes}
    exec("from torch.nn.functional import one_hot as f\nout = f(labels, n)", ns)
    return ns["out"].to(torch.float32)
