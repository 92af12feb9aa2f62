"""Exercise cross_entropy — Cross-entropy from logits, stably.
Tutorial: "PyTorch basics: from NumPy to deep learning", §6
教程：《PyTorch 入门教程：从 NumPy 到深度学习》§6

Return the mean cross-entropy loss, as `nn.CrossEntropyLoss()` computes it, for `logits` of shape
(n, c) (raw scores, one row per sample, one column per class) and `targets` of shape (n,) (int64 class
indices in 0..c-1). For one row the loss is `log(sum_j exp(logits[j])) - logits[target]`; return the
average over the rows as a 0-dim tensor with the logits' dtype. It must stay finite and correct for logits
as large as ±1e4, where a plain `exp` overflows to inf, and it must stay differentiable.

返回平均交叉熵损失（与 `nn.CrossEntropyLoss()` 的结果一致）。`logits` 形状为 (n, c)：每行一个样本、
每列一个类别的原始得分；`targets` 形状为 (n,)：int64 类型的类别下标，取值 0..c-1。
单独一行的损失是 `log(sum_j exp(logits[j])) - logits[target]`；对所有行取平均，返回 0 维张量，
dtype 与 logits 相同。logits 大到 ±1e4 时，直接 `exp` 会溢出成 inf，但你的结果必须仍然有限且正确，
并且可以求导。

Not allowed: F.cross_entropy / nll_loss / log_softmax / logsumexp, nn.CrossEntropyLoss / NLLLoss /
LogSoftmax, and their torch and Tensor-method spellings.
不允许使用：F.cross_entropy / nll_loss / log_softmax / logsumexp、nn.CrossEntropyLoss / NLLLoss / LogSoftmax，
以及它们在 torch 和 Tensor 方法中的写法。
Check your work: pytest exercises/ -k cross_entropy
"""

import torch


def cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise cross_entropy: replace this line with your code")
