"""Takes absolute differences (an L1 loss) instead of squaring them."""


def mse_loss(pred, target):
    return (pred - target).abs().mean()
