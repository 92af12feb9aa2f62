"""Exercise pick_device — Pick a device (seed 001 §8).

Return the torch.device to compute on: cuda if available, else mps if available, else cpu. `prefer`
("cpu", "cuda" or "mps") is used when it is available, otherwise fall back to that order; any other name
raises ValueError. Return a torch.device without an index, e.g. torch.device("cuda").

返回用于计算的 torch.device：有 cuda 用 cuda，否则有 mps 用 mps，否则用 cpu。`prefer`（"cpu"、"cuda" 或
"mps"）可用时就用它，否则按上述顺序选择；其他名字抛出 ValueError。返回不带编号的 torch.device。

Check your work: pytest exercises/ -k pick_device
"""

import torch


def pick_device(prefer: str | None = None) -> torch.device:
    raise NotImplementedError("exercise pick_device: replace this line with your code")
