"""Never calls model.train(): a model left in eval mode trains with BatchNorm's running statistics."""


def train_step(model, inputs, targets, loss_fn, optimizer):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    return loss.item()
