"""Nesterov with the buffer from BEFORE this step's update (g + momentum * old_buf)."""


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, None
    old = g * 0 if buf is None else buf
    new_buf = g.clone() if buf is None else momentum * buf + g
    direction = g + momentum * old if nesterov else new_buf
    return param - lr * direction, new_buf
