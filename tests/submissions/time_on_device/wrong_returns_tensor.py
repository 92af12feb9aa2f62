"""Returns torch.tensor(times).median(), a 0-d tensor, instead of a Python float."""

import time

import torch


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return torch.tensor(times).median()
