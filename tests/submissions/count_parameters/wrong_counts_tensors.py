"""Counts parameter tensors, not the numbers inside them."""


def count_parameters(model, trainable_only=True):
    return len([p for p in model.parameters() if p.requires_grad or not trainable_only])
