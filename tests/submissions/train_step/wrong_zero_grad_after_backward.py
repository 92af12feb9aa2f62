"""Calls optimizer.zero_grad() after loss.backward(): it wipes the fresh gradients before step()."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    outputs = model(inputs)
    loss = loss_fn(outputs, targets)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()
