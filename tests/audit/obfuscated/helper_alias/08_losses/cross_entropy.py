"""Obfuscated: F.cross_entropy, re-exported by a helper as xent."""

from criterion_compat import xent


def cross_entropy(logits, targets):
    return xent(logits, targets)
