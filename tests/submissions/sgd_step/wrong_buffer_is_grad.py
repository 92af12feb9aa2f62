"""Starts the momentum buffer as `grad` itself (no copy): the returned buffer shares the caller's gradient."""


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    if weight_decay:
        grad = grad + weight_decay * param
    if momentum == 0:
        return param - lr * grad, None
    buf = grad if buf is None else momentum * buf + grad
    step = grad + momentum * buf if nesterov else buf
    return param - lr * step, buf
