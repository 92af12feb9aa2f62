"""Slices contiguous copies of each batch by hand and accumulates the loss sum in float64."""

import torch


def evaluate(model, inputs, targets, loss_fn, batch_size=64):
    was_training = model.training
    model.eval()
    total = torch.zeros((), dtype=torch.float64)
    correct = 0
    with torch.no_grad():
        for start in range(0, len(targets), batch_size):
            x = inputs[start : start + batch_size].contiguous()
            y = targets[start : start + batch_size].contiguous()
            outputs = model(x)
            total += loss_fn(outputs, y).double() * len(y)
            correct += int((outputs.argmax(dim=1) == y).sum())
    model.train(was_training)
    n = len(targets)
    return total.item() / n, correct / n
