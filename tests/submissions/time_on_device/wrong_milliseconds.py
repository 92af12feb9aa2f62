"""Returns the median in milliseconds instead of seconds."""

import statistics
import time


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
