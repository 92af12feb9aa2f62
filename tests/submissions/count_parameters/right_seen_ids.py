"""Walks named_parameters without de-duplication and skips parameters already seen (by id)."""

import math


def count_parameters(model, trainable_only=True):
    seen = set()
    total = 0
    for _, p in model.named_parameters(remove_duplicate=False):
        if id(p) in seen or (trainable_only and not p.requires_grad):
            continue
        seen.add(id(p))
        total += math.prod(p.shape)
    return total
