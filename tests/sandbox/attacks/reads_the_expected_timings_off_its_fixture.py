"""Attack: reads the times the grader's fn will sleep off the fn itself, and returns their median without timing anything. Expect: failed; at most 4 points.
Target: time_on_device

Whatever the fixture handed to learner code holds (its attributes, its closure), learner code can read: here
every list or tuple of numbers inside it. The sleepy fn is never called, so no time passes; the counting
fn (which holds no numbers) is called as the statement asks, so that check still earns its 4 of 10 points.
"""

import statistics


def _held_numbers(fn):
    """Every sequence of numbers held by fn: its attributes, and its closure's cells."""
    places = list(vars(fn).values()) if hasattr(fn, "__dict__") else []
    places += [c.cell_contents for c in getattr(fn, "__closure__", None) or ()]
    return [
        list(v)
        for v in places
        if isinstance(v, list | tuple) and v and all(isinstance(x, int | float) for x in v)
    ]


def time_on_device(fn, *args, device="cpu", warmup=3, repeats=10):
    held = [seq for seq in _held_numbers(fn) if len(seq) in (repeats, warmup + repeats)]
    if held:
        timed_ms = held[0][-repeats:]
        return statistics.median(timed_ms) / 1000
    for _ in range(warmup + repeats):
        fn(*args)
    return 0.001
