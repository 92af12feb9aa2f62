"""Counts each module's own parameters; a weight tied between two layers is counted twice."""


def count_parameters(model, trainable_only=True):
    total = 0
    for module in model.modules():
        for p in module.parameters(recurse=False):
            if p.requires_grad or not trainable_only:
                total += p.numel()
    return total
