"""Uses torch.lerp for the moving averages and folds the bias corrections into a step size."""

import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    b1, b2 = betas
    if not state:
        state = {"step": 0, "exp_avg": torch.zeros_like(param), "exp_avg_sq": torch.zeros_like(param)}
    step = state["step"] + 1
    p = param.clone()
    if weight_decay and decoupled:
        p.mul_(1 - lr * weight_decay)
    elif weight_decay:
        grad = grad + weight_decay * param
    exp_avg = torch.lerp(state["exp_avg"], grad, 1 - b1)
    exp_avg_sq = state["exp_avg_sq"] * b2 + (1 - b2) * grad * grad
    denom = exp_avg_sq.sqrt() / (1 - b2**step) ** 0.5 + eps
    p -= lr / (1 - b1**step) * exp_avg / denom
    return p, {"step": step, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
