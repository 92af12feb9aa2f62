"""Averages the momentum buffer (buf = momentum * buf + (1 - momentum) * g), i.e. dampening = momentum."""


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    new_buf = g.clone() if buf is None else momentum * buf + (1 - momentum) * g
    direction = g + momentum * new_buf if nesterov else new_buf
    return param - lr * direction, new_buf
