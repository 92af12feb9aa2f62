"""Exercise replace_where — Replace where the mask says so (seed 000 §2.6).

`mask` is a bool tensor shaped like `x`; `value` is a Python number of the kind of `x`'s elements. Return a
NEW tensor, `x`'s shape and dtype, holding `value` where `mask` is True and `x` elsewhere. `x` must stay
untouched and the result must not share memory with it (even when the mask is all False).

`mask` 是与 `x` 同形状的布尔张量；`value` 是与 `x` 元素同类的 Python 数字。返回一个新张量，
形状和 dtype 与 `x` 相同：`mask` 为 True 处是 `value`，其余是 `x` 的元素。`x` 必须保持不变，
结果也不能与 `x` 共享内存（掩码全为 False 时也一样）。

Check your work: pytest exercises/ -k replace_where
"""

import torch


def replace_where(x: torch.Tensor, mask: torch.Tensor, value: float) -> torch.Tensor:
    raise NotImplementedError("exercise replace_where: replace this line with your code")
