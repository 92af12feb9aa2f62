"""Loops `range(1, repeats)`, so fn is timed one time too few."""

import statistics
import time


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(1, repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
