"""Adds weight decay after the momentum buffer instead of to the gradient first."""


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    if momentum == 0:
        return param - lr * (grad + weight_decay * param), None
    new_buf = grad.clone() if buf is None else momentum * buf + grad
    direction = grad + momentum * new_buf if nesterov else new_buf
    return param - lr * (direction + weight_decay * param), new_buf
