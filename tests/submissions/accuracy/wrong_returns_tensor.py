"""Right share, but returns a 0-dim tensor instead of a Python float."""


def accuracy(logits, targets):
    return (logits.argmax(dim=1) == targets).float().mean()
