"""Reference for adam_step: torch.optim.Adam / AdamW itself, stepped once on a private copy."""

import torch


def adam_step(
    param: torch.Tensor,
    grad: torch.Tensor,
    state: dict,
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    decoupled: bool = False,
) -> tuple[torch.Tensor, dict]:
    p = param.clone()
    p.grad = grad.clone()
    kind = torch.optim.AdamW if decoupled else torch.optim.Adam
    opt = kind([p], lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    if state:
        opt.state[p] = {
            "step": torch.tensor(float(state["step"])),
            "exp_avg": state["exp_avg"].clone(),
            "exp_avg_sq": state["exp_avg_sq"].clone(),
        }
    opt.step()
    s = opt.state[p]
    return p, {"step": int(s["step"].item()), "exp_avg": s["exp_avg"], "exp_avg_sq": s["exp_avg_sq"]}
