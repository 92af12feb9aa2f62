"""Reference for time_on_device: perf_counter around each call, synchronising first and last on CUDA."""

import statistics
import time
from collections.abc import Callable
from typing import Any

import torch


def time_on_device(
    fn: Callable[..., Any], *args: Any, device: str | torch.device, warmup: int = 3, repeats: int = 10
) -> float:
    cuda = torch.device(device).type == "cuda"

    def sync() -> None:
        if cuda:
            torch.cuda.synchronize(device)

    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        sync()
        start = time.perf_counter()
        fn(*args)
        sync()
        times.append(time.perf_counter() - start)
    return float(statistics.median(times))
