"""Exercise accuracy — Classification accuracy (seed 001 §9).

Return, as a Python float, the share of rows of `logits` (n, c) whose predicted class (the index of the
row's largest score; the first one when several tie) equals the row's entry in `targets` (n,).

以 Python float 返回准确率：`logits`（n, c）中预测类别（每行最大得分的下标；并列时取最靠前的）
等于 `targets`（n,）对应值的行所占的比例。

Check your work: pytest exercises/ -k accuracy
"""

import torch


def accuracy(logits: torch.Tensor, targets: torch.Tensor) -> float:
    raise NotImplementedError("exercise accuracy: replace this line with your code")
