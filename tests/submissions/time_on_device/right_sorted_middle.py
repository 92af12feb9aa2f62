"""time.perf_counter_ns per call and a hand-written median (sort, take the middle); CUDA events on a GPU."""

import time

import torch


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    on_gpu = torch.device(device).type == "cuda"
    for _ in range(warmup):
        fn(*args)
    durations = []
    for _ in range(repeats):
        if on_gpu:
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            fn(*args)
            end.record()
            end.synchronize()
            durations.append(start.elapsed_time(end) / 1000)
        else:
            t0 = time.perf_counter_ns()
            fn(*args)
            durations.append((time.perf_counter_ns() - t0) / 1e9)
    durations.sort()
    mid = len(durations) // 2
    if len(durations) % 2:
        return durations[mid]
    return (durations[mid - 1] + durations[mid]) / 2
