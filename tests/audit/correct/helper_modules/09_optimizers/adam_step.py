"""Exercise adam_step — One Adam (and AdamW) step, by hand (seed 000 §5.2). See my_optim.Adam."""

from my_optim import Adam


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    optimizer = Adam(lr, betas, eps, weight_decay=weight_decay, decoupled=decoupled)
    return optimizer.step(param, grad, state)
