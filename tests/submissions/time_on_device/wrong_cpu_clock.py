"""Measures CPU time (time.process_time) instead of wall-clock time, so waiting is not counted."""

import statistics
import time


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn(*args)
        times.append(time.process_time() - start)
    return statistics.median(times)
