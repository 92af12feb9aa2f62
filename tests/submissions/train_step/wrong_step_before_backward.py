"""Calls optimizer.step() before loss.backward(): each update uses the previous step's gradients."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    optimizer.step()
    loss.backward()
    return loss.item()
