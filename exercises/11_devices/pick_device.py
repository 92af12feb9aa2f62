"""Exercise pick_device — Pick a device.
Tutorial: "A PyTorch tutorial for beginners", §8
教程：《PyTorch 入门教程》§8

Return the `torch.device` to compute on: `cuda` if a CUDA GPU is available, else `mps` (Apple GPU) if
available, else `cpu`. `prefer` names the device type you would rather use (`"cpu"`, `"cuda"` or `"mps"`):
use it when it is available (`"cpu"` always is), otherwise fall back to the choice above. Any other name
raises ValueError. Return a `torch.device` without an index (`torch.device("cuda")`), not a string.

返回用于计算的 `torch.device`：有可用的 CUDA GPU 就用 `cuda`，否则若有 `mps`（苹果 GPU）就用 `mps`，
都没有就用 `cpu`。`prefer` 指定你更想用的设备类型（`"cpu"`、`"cuda"` 或 `"mps"`）：它可用时就用它
（`"cpu"` 总是可用），否则按上面的顺序自动选择。其他名字抛出 ValueError。返回不带编号的 `torch.device`
（如 `torch.device("cuda")`），不要返回字符串。

Check your work: pytest exercises/ -k pick_device
"""

import torch


def pick_device(prefer: str | None = None) -> torch.device:
    raise NotImplementedError("exercise pick_device: replace this line with your code")
