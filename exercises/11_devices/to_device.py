"""Exercise to_device — Move a whole batch to a device (seed 002 §4.3).

Return `obj` with every tensor and nn.Module inside it moved to `device`, however deeply nested in dicts,
lists, tuples and namedtuples. Keep the structure exactly (same container types, same dict keys) and keep
every other value (ints, strings, None...) as it is. Build new containers; do not change the ones given.

返回一个新的 `obj`：其中每个张量和 nn.Module 都移动到 `device` 上，无论在 dict、list、tuple、namedtuple 中
嵌套多深。结构原样保留（容器类型相同，dict 的键相同），其他值（整数、字符串、None……）保持不变。
构造新的容器，不要修改传入的容器。

Check your work: pytest exercises/ -k to_device
"""

from typing import Any

import torch


def to_device(obj: Any, device: str | torch.device) -> Any:
    raise NotImplementedError("exercise to_device: replace this line with your code")
