"""The update computed in float64 and each result cast back to the parameter's dtype."""


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p, g = param.double(), grad.double()
    g = g + weight_decay * p
    if momentum == 0:
        return (p - lr * g).to(param.dtype), None
    new_buf = g if buf is None else momentum * buf.double() + g
    direction = g + momentum * new_buf if nesterov else new_buf
    return (p - lr * direction).to(param.dtype), new_buf.to(param.dtype)
