"""Times every call, warm-up included, then keeps the first `repeats` timings: those are the warm-up ones."""

import statistics
import time


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    times = []
    for _ in range(warmup + repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times[:repeats])
