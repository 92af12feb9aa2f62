"""Forgets model.eval(): Dropout and BatchNorm still behave as in training."""

import torch


def evaluate(model, inputs, targets, loss_fn, batch_size=64):
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(inputs), batch_size):
            x, y = inputs[start : start + batch_size], targets[start : start + batch_size]
            outputs = model(x)
            total_loss += loss_fn(outputs, y).item() * len(y)
            correct += (outputs.argmax(dim=1) == y).sum().item()
    return total_loss / len(inputs), correct / len(inputs)
