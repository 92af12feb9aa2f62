"""Exercise time_on_device — Time a function on a device.
Tutorial: "PyTorch's two cores: tensor operations and autograd", §2.6
教程：《PyTorch 的两大核心：张量操作和自动微分》§2.6

Call `fn(*args)` `warmup` times without timing (the first calls are often slow: caches, lazy
initialisation, kernel compilation), then `repeats` more times, timing each call on its own, and return
the median of those `repeats` durations in seconds, as a Python float. `fn` must be called exactly
`warmup + repeats` times, always with exactly `args`. `device` ("cpu", "cuda", or a `torch.device`) says
where `fn` runs: on a CUDA device the GPU works asynchronously, so wait for it (`torch.cuda.synchronize`)
before starting and before stopping each clock, or use CUDA events; on the CPU nothing extra is needed.
On a GPU the grader checks your answer against its own timer, with a kernel of known duration that `fn`
only queues: a clock stopped without waiting for the GPU measures the launch, not the work.

先调用 `fn(*args)` `warmup` 次但不计时（最初几次调用往往较慢：缓存、延迟初始化、内核编译），然后再调用
`repeats` 次，每次单独计时，返回这 `repeats` 次耗时的中位数（单位：秒，Python float）。`fn` 必须恰好被调用
`warmup + repeats` 次，且每次都只传入 `args`。`device`（"cpu"、"cuda" 或 `torch.device`）表示 `fn` 在哪里
运行：在 CUDA 设备上 GPU 是异步执行的，所以每次开始和停止计时之前都要等它完成（`torch.cuda.synchronize`），
或者使用 CUDA 事件；在 CPU 上不需要额外处理。
在 GPU 上，评分器会用它自己的计时器核对你的结果：`fn` 只是把一个时长已知的内核放进队列，
不等 GPU 完成就停表，测到的只是启动时间，而不是真正的计算。

Check your work: pytest exercises/ -k time_on_device
"""

from collections.abc import Callable
from typing import Any

import torch


def time_on_device(
    fn: Callable[..., Any], *args: Any, device: str | torch.device, warmup: int = 3, repeats: int = 10
) -> float:
    raise NotImplementedError("exercise time_on_device: replace this line with your code")
