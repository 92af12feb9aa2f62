"""Squeezes the model's outputs (to drop a trailing size-1 dimension for regression): with a single
output the predictions (n,) broadcast against targets (n, 1) into an (n, n) loss."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    outputs = model(inputs).squeeze()
    loss = loss_fn(outputs, targets)
    loss.backward()
    optimizer.step()
    return loss.item()
