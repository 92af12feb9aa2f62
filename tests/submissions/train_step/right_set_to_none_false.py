"""Zeroes the gradients in place with zero_grad(set_to_none=False) and converts with float(loss)."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train(True)
    optimizer.zero_grad(set_to_none=False)
    predictions = model(inputs)
    loss = loss_fn(predictions, targets)
    loss.backward()
    optimizer.step()
    return float(loss.detach())
