"""Exercise cross_entropy — Cross-entropy from logits, stably (seed 000 §6).

Return the mean cross-entropy of `logits` (n, c) against class indices `targets` (n,), as
`nn.CrossEntropyLoss()` does: per row `log(sum_j exp(logits[j])) - logits[target]`, averaged over the rows,
as a differentiable 0-dim tensor with the logits' dtype. It must stay finite and correct for logits up to
±1e4, where a plain `exp` overflows.

返回 `logits`（n, c）相对于类别下标 `targets`（n,）的平均交叉熵，与 `nn.CrossEntropyLoss()` 一致：
每行 `log(sum_j exp(logits[j])) - logits[target]`，再对所有行取平均；结果是可求导的 0 维张量，
dtype 与 logits 相同。logits 大到 ±1e4 时（直接 `exp` 会溢出）结果也必须有限且正确。

Not allowed: F.cross_entropy / nll_loss / log_softmax / logsumexp, nn.CrossEntropyLoss / NLLLoss /
LogSoftmax, and their torch and Tensor-method spellings.
Check your work: pytest exercises/ -k cross_entropy
"""

import torch


def cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise cross_entropy: replace this line with your code")
