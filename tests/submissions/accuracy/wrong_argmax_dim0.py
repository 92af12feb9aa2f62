"""Takes argmax over dim 0 (the batch) instead of over the classes."""


def accuracy(logits, targets):
    predicted = logits.argmax(dim=0)
    n = min(len(predicted), len(targets))
    return sum(int(predicted[i] == targets[i]) for i in range(n)) / len(targets)
