"""Lets PyTorch broadcast implicitly, and so raises RuntimeError (not ValueError) on bad shapes."""


def broadcast_add(a, b):
    return a + b
