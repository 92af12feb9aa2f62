"""Clears every parameter's .grad by hand (p.grad = None) and zeroes through the model, not the optimizer."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    for p in model.parameters():
        p.grad = None
    model.zero_grad()
    model.train()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    value = loss.item()
    return value
