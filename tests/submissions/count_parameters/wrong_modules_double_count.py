"""Adds up parameters() of every module from modules(), so layers inside a container are counted again."""


def count_parameters(model, trainable_only=True):
    total = 0
    for module in model.modules():
        total += sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)
    return total
