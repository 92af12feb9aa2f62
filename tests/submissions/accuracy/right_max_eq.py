"""As in the seed's evaluate(): predictions from max(1), counted with eq, divided in Python."""


def accuracy(logits, targets):
    _, predicted = logits.max(1)
    correct = predicted.eq(targets).sum().item()
    return correct / targets.size(0)
