"""Exercise sgd_step — One SGD step, by hand (seed 000 §5). The optimizer lives in my_optim.py."""

from my_optim import SGD


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    optimizer = SGD(lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    return optimizer.step(param, grad, buf)
