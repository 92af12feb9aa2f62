"""Textbook form: bias-corrected m_hat and v_hat first, then param - lr * m_hat / (sqrt(v_hat) + eps)."""

import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = state.get("exp_avg", torch.zeros_like(param))
    v = state.get("exp_avg_sq", torch.zeros_like(param))
    if decoupled:
        param = param * (1 - lr * weight_decay)
    else:
        grad = grad + weight_decay * param
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    new_param = param - lr * m_hat / (torch.sqrt(v_hat) + eps)
    return new_param, {"step": t, "exp_avg": m, "exp_avg_sq": v}
