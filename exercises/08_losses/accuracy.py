"""Exercise accuracy — Classification accuracy.
Tutorial: "A PyTorch tutorial for beginners", §9
教程：《PyTorch 入门教程》§9

Return, as a Python float between 0 and 1, the share of rows of `logits` (shape (n, c)) whose predicted
class — the index of the largest score in the row — equals the row's entry in `targets` (shape (n,),
int64). When several scores in a row tie for the largest, the prediction is the first of them, as
`argmax` does.

以 Python float（0 到 1 之间）返回准确率：`logits`（形状 (n, c)）中有多少比例的行，其预测类别——
即这一行最大得分所在的下标——等于 `targets`（形状 (n,)，int64）中对应的值。
如果一行里有几个得分并列最大，预测取其中最靠前的那个，和 `argmax` 的做法一样。

Check your work: pytest exercises/ -k accuracy
"""

import torch


def accuracy(logits: torch.Tensor, targets: torch.Tensor) -> float:
    raise NotImplementedError("exercise accuracy: replace this line with your code")
