"""Sums over state_dict(): counts buffers, counts tied weights twice, and ignores trainable_only."""


def count_parameters(model, trainable_only=True):
    return sum(t.numel() for t in model.state_dict().values())
