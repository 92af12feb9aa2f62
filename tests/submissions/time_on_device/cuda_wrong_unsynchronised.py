"""perf_counter around each call with no torch.cuda.synchronize: on a GPU it times only the launch.

Not named wrong_*: on the CPU it is right (the CPU finishes fn before returning), so only the CUDA check
`cuda_agrees_with_grader_timer` can fail it; tests/test_timing.py checks both halves of that claim.
"""

import statistics
import time


def time_on_device(fn, *args, device, warmup=3, repeats=10):
    for _ in range(warmup):
        fn(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
