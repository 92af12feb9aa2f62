"""Works on a contiguous copy of the batch (as a DataLoader's collate does), then the tutorial loop body."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.train()
    inputs = inputs.contiguous()
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    return loss.item()
