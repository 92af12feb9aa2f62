"""Forgets optimizer.zero_grad(): the new gradients are added to the stale ones already in .grad."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    return loss.item()
