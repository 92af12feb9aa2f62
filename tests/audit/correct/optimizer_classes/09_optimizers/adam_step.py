"""Exercise adam_step — One Adam (and AdamW) step, by hand (seed 000 §5.2).

A small Adam optimizer class (d2l.ai ch. 12.10 style, with the step counter in the state), then adam_step
wraps one step of it.
"""

import math

import torch


class Adam:
    def __init__(self, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
        self.lr, self.eps = lr, eps
        self.beta1, self.beta2 = betas
        self.weight_decay = weight_decay
        self.decoupled = decoupled

    def init_state(self, param):
        return {"step": 0, "exp_avg": torch.zeros_like(param), "exp_avg_sq": torch.zeros_like(param)}

    def step(self, param, grad, state):
        """Returns the new parameter and a new state; nothing is updated in place."""
        t = state["step"] + 1
        if self.weight_decay:
            if self.decoupled:
                param = param * (1 - self.lr * self.weight_decay)
            else:
                grad = grad + self.weight_decay * param
        m = self.beta1 * state["exp_avg"] + (1 - self.beta1) * grad
        v = self.beta2 * state["exp_avg_sq"] + (1 - self.beta2) * grad * grad
        bias1 = 1 - self.beta1**t
        bias2 = 1 - self.beta2**t
        denom = (v.sqrt() / math.sqrt(bias2)) + self.eps
        param = param - (self.lr / bias1) * m / denom
        return param, {"step": t, "exp_avg": m, "exp_avg_sq": v}


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    opt = Adam(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, decoupled=decoupled)
    if not state:
        state = opt.init_state(param)
    return opt.step(param, grad, state)
