"""Exercise adam_step — One Adam (and AdamW) step, by hand (seed 000 §5.2)."""

import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    beta1, beta2 = betas
    if state:
        t = state["step"] + 1
        m, v = state["exp_avg"], state["exp_avg_sq"]
    else:
        t = 1
        m, v = torch.zeros_like(param), torch.zeros_like(param)
    g = grad
    if weight_decay != 0:
        if decoupled:
            param = param * (1 - lr * weight_decay)  # AdamW
        else:
            g = g + weight_decay * param  # Adam (L2)
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    new_param = param - lr * m_hat / (torch.sqrt(v_hat) + eps)
    return new_param, {"step": t, "exp_avg": m, "exp_avg_sq": v}
