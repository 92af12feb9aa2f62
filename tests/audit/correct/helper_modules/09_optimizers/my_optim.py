"""My optimizers, one step at a time, without touching their inputs (used by sgd_step and adam_step)."""

import torch


class SGD:
    def __init__(self, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        self.lr, self.momentum, self.weight_decay, self.nesterov = lr, momentum, weight_decay, nesterov

    def step(self, param, grad, buf=None):
        d_p = grad + self.weight_decay * param if self.weight_decay else grad
        if not self.momentum:
            return param - self.lr * d_p, None
        buf = d_p.clone() if buf is None else self.momentum * buf + d_p
        direction = d_p + self.momentum * buf if self.nesterov else buf
        return param - self.lr * direction, buf


class Adam:
    def __init__(self, lr, betas, eps, weight_decay=0.0, decoupled=False):
        self.lr, self.betas, self.eps = lr, betas, eps
        self.weight_decay, self.decoupled = weight_decay, decoupled

    def step(self, param, grad, state):
        beta1, beta2 = self.betas
        step = state.get("step", 0) + 1
        exp_avg = state.get("exp_avg", torch.zeros_like(param))
        exp_avg_sq = state.get("exp_avg_sq", torch.zeros_like(param))
        if self.weight_decay and self.decoupled:
            param = param * (1 - self.lr * self.weight_decay)
        elif self.weight_decay:
            grad = grad + self.weight_decay * param
        exp_avg = torch.lerp(exp_avg, grad, 1 - beta1)
        exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * grad.square()
        step_size = self.lr / (1 - beta1**step)
        denom = exp_avg_sq.sqrt() / (1 - beta2**step) ** 0.5 + self.eps
        new_param = torch.addcdiv(param, exp_avg, denom, value=-step_size)
        return new_param, {"step": step, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
