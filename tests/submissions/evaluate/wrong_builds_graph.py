"""Forgets torch.no_grad(): autograd records a graph for every batch (the numbers are still right)."""


def evaluate(model, inputs, targets, loss_fn, batch_size=64):
    was_training = model.training
    model.eval()
    total_loss, correct = 0.0, 0
    for start in range(0, len(inputs), batch_size):
        x, y = inputs[start : start + batch_size], targets[start : start + batch_size]
        outputs = model(x)
        total_loss += loss_fn(outputs, y).item() * len(y)
        correct += (outputs.argmax(dim=1) == y).sum().item()
    model.train(was_training)
    return total_loss / len(inputs), correct / len(inputs)
