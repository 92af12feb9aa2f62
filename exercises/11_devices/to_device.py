"""Exercise to_device — Move a whole batch to a device.
Tutorial: "PyTorch's two cores: tensor operations and autograd", §4.3
教程：《PyTorch 的两大核心：张量操作和自动微分》§4.3

Return `obj` with every tensor and every `nn.Module` inside it moved to `device`, however deeply it is
nested in dicts, lists, tuples and namedtuples. Keep the structure exactly: a tuple stays a tuple, a list a
list, a namedtuple the same namedtuple type, a dict keeps its keys. Anything else (ints, floats, strings,
None...) is kept as it is. Tensors move with `.to(device)`; modules move with `module.to(device)` (which
moves them in place, as PyTorch does). Do not change the containers you were given: build new ones.
It is graded on the `meta` device, which needs no GPU.

返回一个新的 `obj`：其中的每个张量和每个 `nn.Module` 都被移动到 `device` 上，无论它们在 dict、list、
tuple、namedtuple 里嵌套得多深。结构要原样保留：tuple 仍是 tuple，list 仍是 list，namedtuple 仍是同一种
namedtuple，dict 保留它的键。其他值（整数、浮点数、字符串、None……）原样保留。张量用 `.to(device)`
移动；模块用 `module.to(device)` 移动（和 PyTorch 一样，它会原地移动模块）。不要修改传入的容器：
构造新的容器。评分时使用 `meta` 设备，不需要 GPU。

Check your work: pytest exercises/ -k to_device
"""

from typing import Any

import torch


def to_device(obj: Any, device: str | torch.device) -> Any:
    raise NotImplementedError("exercise to_device: replace this line with your code")
