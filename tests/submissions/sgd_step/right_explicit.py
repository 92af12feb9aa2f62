"""Writes the update out with plain arithmetic and if/else, no in-place ops at all."""


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    new_buf = g.clone() if buf is None else momentum * buf + g
    direction = g + momentum * new_buf if nesterov else new_buf
    return param - lr * direction, new_buf
