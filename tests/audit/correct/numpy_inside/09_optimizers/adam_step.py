"""Exercise adam_step — One Adam (and AdamW) step, by hand (seed 000 §5.2). NumPy inside."""

import numpy as np
import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    b1, b2 = betas
    p, g = param.numpy(), grad.numpy()
    if state:
        t = state["step"] + 1
        m, v = state["exp_avg"].numpy(), state["exp_avg_sq"].numpy()
    else:
        t = 1
        m, v = np.zeros_like(p), np.zeros_like(p)
    if weight_decay:
        if decoupled:
            p = p * (1 - lr * weight_decay)
        else:
            g = g + weight_decay * p
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    m_hat = m / (1 - b1**t)
    v_hat = v / (1 - b2**t)
    p = p - lr * m_hat / (np.sqrt(v_hat) + eps)

    def back(arr):
        return torch.from_numpy(np.asarray(arr, dtype=param.numpy().dtype))

    return back(p), {"step": t, "exp_avg": back(m), "exp_avg_sq": back(v)}
