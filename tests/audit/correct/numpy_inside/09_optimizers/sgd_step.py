"""Exercise sgd_step — One SGD step, by hand (seed 000 §5). The update in NumPy, tensors in and out."""

import numpy as np
import torch


def sgd_step(param, grad, buf, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p = param.numpy()
    g = grad.numpy()
    if weight_decay != 0:
        g = g + weight_decay * p
    new_buf = None
    if momentum != 0:
        if buf is None:
            new_buf = np.array(g, copy=True)
        else:
            new_buf = momentum * buf.numpy() + g
        g = g + momentum * new_buf if nesterov else new_buf
    new_p = p - lr * g
    to_t = lambda arr: torch.from_numpy(np.asarray(arr, dtype=p.dtype))  # 0-d results come back as scalars
    return to_t(new_p), (None if new_buf is None else to_t(new_buf))
