"""Returns the loss tensor itself instead of a Python float (loss.item())."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    return loss
