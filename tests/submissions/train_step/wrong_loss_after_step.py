"""Returns a loss recomputed after optimizer.step(), not the loss of the batch the step was taken on."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    return loss_fn(model(inputs), targets).item()
