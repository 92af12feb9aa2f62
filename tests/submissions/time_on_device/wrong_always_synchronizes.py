"""Calls torch.cuda.synchronize() whatever the device, which raises on a machine without CUDA."""

import statistics
import time

import torch


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        torch.cuda.synchronize()
        start = time.perf_counter()
        fn(*args)
        torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
