"""Computes the whole update in float64 and casts each result back to the parameter's dtype."""

import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    dtype = param.dtype
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    p, g = param.double(), grad.double()
    m = state["exp_avg"].double() if state else torch.zeros_like(p)
    v = state["exp_avg_sq"].double() if state else torch.zeros_like(p)
    if decoupled:
        p = p * (1 - lr * weight_decay)
    else:
        g = g + weight_decay * p
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    step_size = lr / (1 - beta1**t)
    denom = v.sqrt() / (1 - beta2**t) ** 0.5 + eps
    p = p - step_size * m / denom
    return p.to(dtype), {"step": t, "exp_avg": m.to(dtype), "exp_avg_sq": v.to(dtype)}
