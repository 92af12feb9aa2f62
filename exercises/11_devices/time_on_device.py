"""Exercise time_on_device — Time a function on a device (seed 002 §2.6).

Call fn(*args) `warmup` times untimed, then `repeats` times timing each call, and return the median
duration in seconds (a Python float). On a CUDA device, wait for the GPU before starting and before
stopping each clock (torch.cuda.synchronize, or CUDA events); on the CPU nothing extra is needed.

先不计时地调用 fn(*args) `warmup` 次，再调用 `repeats` 次并分别计时，返回耗时的中位数（秒，Python float）。
在 CUDA 设备上，每次开始和停止计时前都要等 GPU 完成（torch.cuda.synchronize 或 CUDA 事件）；在 CPU 上
不需要额外处理。

Check your work: pytest exercises/ -k time_on_device
"""

from collections.abc import Callable
from typing import Any

import torch


def time_on_device(
    fn: Callable[..., Any], *args: Any, device: str | torch.device, warmup: int = 3, repeats: int = 10
) -> float:
    raise NotImplementedError("exercise time_on_device: replace this line with your code")
