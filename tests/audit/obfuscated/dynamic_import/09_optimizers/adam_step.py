"""Obfuscated: torch.optim imported by a built name (__import__ with fromlist)."""

import torch

optimizers = __import__("torch." + "op" + "tim", fromlist=["Adam", "AdamW"])


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    p = param.clone()
    p.grad = grad.clone()
    cls = optimizers.AdamW if decoupled else optimizers.Adam
    opt = cls([p], lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    if state:
        opt.state[p] = {
            "step": torch.tensor(float(state["step"])),
            "exp_avg": state["exp_avg"].clone(),
            "exp_avg_sq": state["exp_avg_sq"].clone(),
        }
    opt.step()
    s = opt.state[p]
    return p.detach(), {"step": int(s["step"]), "exp_avg": s["exp_avg"], "exp_avg_sq": s["exp_avg_sq"]}
