"""Loops with >=, so on ties the prediction is the last maximum, not the first."""


def accuracy(logits, targets):
    correct = 0
    for row, t in zip(logits.tolist(), targets.tolist(), strict=True):
        best = 0
        for j, score in enumerate(row):
            if score >= row[best]:
                best = j
        correct += best == t
    return correct / len(targets)
