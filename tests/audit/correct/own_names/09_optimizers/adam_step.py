"""Exercise adam_step — One Adam (and AdamW) step, by hand (seed 000 §5.2).

Rewritten from my reading of torch/optim/adam.py (_single_tensor_adam), on clones of the inputs.
"""

import torch


def _single_tensor_adam(params, grads, exp_avgs, exp_avg_sqs, state_steps, *, beta1, beta2, lr,
                        weight_decay, eps, decoupled_weight_decay):
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg, exp_avg_sq = exp_avgs[i], exp_avg_sqs[i]
        state_steps[i] += 1
        step = state_steps[i]
        if weight_decay != 0:
            if decoupled_weight_decay:
                param.mul_(1 - lr * weight_decay)
            else:
                grad = grad.add(param, alpha=weight_decay)
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        bias_correction1 = 1 - beta1**step
        bias_correction2 = 1 - beta2**step
        step_size = lr / bias_correction1
        denom = (exp_avg_sq.sqrt() / (bias_correction2**0.5)).add_(eps)
        param.addcdiv_(exp_avg, denom, value=-step_size)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    p = param.clone()
    if state:
        m, v, steps = state["exp_avg"].clone(), state["exp_avg_sq"].clone(), [state["step"]]
    else:
        m, v, steps = torch.zeros_like(param), torch.zeros_like(param), [0]
    _single_tensor_adam(
        [p], [grad], [m], [v], steps, beta1=betas[0], beta2=betas[1], lr=lr,
        weight_decay=weight_decay, eps=eps, decoupled_weight_decay=decoupled,
    )
    return p, {"step": steps[0], "exp_avg": m, "exp_avg_sq": v}
