"""Timing learner code against a baseline, measured so that the number can be trusted.

- **The trusted side holds the clock.** The learner's call (A) is timed by code the learner cannot
  reach: in-process by the grader's stopwatch, sandboxed by the parent's clock around the whole request
  less the round trip measured on a trusted child (:meth:`grader.sandbox.Sandbox.round_trip`); inputs
  come from a generator seeded by the operating system, so no answer can be prepared in advance.
- **Interleaved.** A and the baseline's call (B, run by the trusted process) alternate ABBA ABBA ... on
  fresh inputs, so clock boosts, thermal drift and a neighbour's load hit both alike and the order
  inside a pair cancels out; each pair gives one ratio ``baseline / learner``.
- **Warm-up excluded.** The first pairs run untimed (lazy initialisation, caches, kernel selection).
- **The median of the per-pair ratios is the speedup; their interquartile range is its spread.**
  The check passes when the whole IQR is at or above the threshold and fails when the whole IQR is
  below it. An IQR that straddles the threshold is re-measured, a bounded number of rounds, each
  round judged on its own (a burst of noise does not carry over); then the verdict is
  ``inconclusive``, which a check reports as skipped: it neither costs nor earns points.
- **CUDA: synchronise the device, then read the clock.** ``torch.cuda.synchronize()`` waits for every
  stream, so work a submission moves to a side stream is still inside the measured interval (CUDA
  events would time one stream only). The L2 cache can be flushed (a buffer larger than L2 is zeroed)
  before every timed call, so no call runs on data the previous one left in cache.
- **CPU: ``time.perf_counter``**, with the thread count recorded (and optionally pinned for the
  measurement, so that a machine shared with other processes is not oversubscribed).

Timing never decides correctness: checks verify outputs separately and say so separately.

>>> clock = FakeClock()
>>> learner = on_stopwatch(lambda _: clock.advance(0.001), "cpu", clock)
>>> result = race(learner, lambda _: clock.advance(0.030), lambda k: k,
...               threshold=20, device="cpu", pairs=5, warmup=1, clock=clock)
>>> (result.verdict, round(result.speedup), result.rounds)
('passed', 30, 1)
"""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import torch

from grader.i18n import Msg, say

__all__ = [
    "FakeClock",
    "SpeedResult",
    "Stopwatch",
    "decide",
    "describe",
    "device_name",
    "iqr",
    "median_time",
    "on_stopwatch",
    "race",
    "summarise",
]

PASSED, FAILED, INCONCLUSIVE = "passed", "failed", "inconclusive"
T = TypeVar("T")

# Bound at import (the grader imports this module before any learner file is loaded), so a
# submission that replaces time.perf_counter afterwards does not change the grader's clock.
_PERF_COUNTER = DEFAULT_CLOCK = time.perf_counter


@dataclass(frozen=True)
class SpeedResult:
    """A race between a learner and a baseline: times of the judged round, speedup, spread, verdict.

    ``learner_s`` and ``baseline_s`` are the timed calls of the last round, in pair order; ``speedup``
    is the median of the per-pair ratios ``baseline / learner`` and ``spread`` their (Q1, Q3).
    """

    device: str
    threads: int
    threshold: float
    learner_s: tuple[float, ...]
    baseline_s: tuple[float, ...]
    speedup: float
    spread: tuple[float, float]
    verdict: str  # passed | failed | inconclusive
    rounds: int = 1

    @property
    def learner_median_s(self) -> float:
        return statistics.median(self.learner_s)

    @property
    def baseline_median_s(self) -> float:
        return statistics.median(self.baseline_s)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a report (and for the sandbox's wire): medians, not every sample."""
        return {
            "device": self.device,
            "threads": self.threads,
            "learner_s": self.learner_median_s,
            "baseline_s": self.baseline_median_s,
            "speedup": self.speedup,
            "spread": list(self.spread),
            "threshold": self.threshold,
            "pairs": len(self.learner_s),
            "rounds": self.rounds,
            "verdict": self.verdict,
        }

    def describe(self, lang: str = "en") -> str:
        """One line: device, both medians, speedup with its IQR, threshold and verdict."""
        return describe(self.to_dict(), lang)

    @property
    def message(self) -> Msg:
        """The same line as a message, to render later in the learner's language."""
        return timing_message(self.to_dict())


TIMING = say(
    "{where}: yours {mine}, baseline {theirs}, speedup {speedup:.1f}x (IQR {q1:.1f}-{q3:.1f}x over"
    " {pairs} pairs, {rounds}), needed >= {needed:g}x · {verdict}",
    "{where}：你的代码 {mine}，基准 {theirs}，加速 {speedup:.1f}x（四分位距 {q1:.1f}-{q3:.1f}x，"
    "{pairs} 对调用，{rounds}），要求 >= {needed:g}x · {verdict}",
)
ONE_THREAD = say("{device}, 1 thread", "{device}，1 个线程")
THREADS = say("{device}, {threads} threads", "{device}，{threads} 个线程")
ONE_ROUND = say("1 round", "1 轮")
ROUNDS = say("{rounds} rounds", "{rounds} 轮")
VERDICTS = {
    PASSED: say("passed", "通过"),
    FAILED: say("failed", "未通过"),
    INCONCLUSIVE: say("inconclusive", "无法判定"),
}


def timing_message(timing: Mapping[str, Any]) -> Msg:
    """One line from a timing dict (``SpeedResult.to_dict()``), as every report prints it."""
    q1, q3 = timing["spread"]
    threads, rounds, device = timing.get("threads"), timing["rounds"], timing["device"]
    where = device
    if threads:  # English says "1 thread" but "4 threads"
        where = ONE_THREAD(device=device) if threads == 1 else THREADS(device=device, threads=threads)
    return TIMING(
        where=where,
        mine=_duration(timing["learner_s"]),
        theirs=_duration(timing["baseline_s"]),
        speedup=timing["speedup"],
        q1=q1,
        q3=q3,
        pairs=timing["pairs"],
        rounds=ONE_ROUND if rounds == 1 else ROUNDS(rounds=rounds),
        needed=timing["threshold"],
        verdict=VERDICTS.get(timing["verdict"], timing["verdict"]),
    )


def describe(timing: Mapping[str, Any], lang: str = "en") -> str:
    """:func:`timing_message` in ``lang``."""
    return timing_message(timing).render(lang)


def _duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def iqr(values: list[float] | tuple[float, ...]) -> tuple[float, float]:
    """(Q1, Q3), inclusive method: defined for a single value, and exact on tiny samples."""
    if len(values) == 1:
        return (values[0], values[0])
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return (q1, q3)


def decide(ratios: list[float] | tuple[float, ...], threshold: float) -> str | None:
    """passed when the whole IQR of the ratios is >= threshold, failed when it is all below; else None."""
    q1, q3 = iqr(ratios)
    if q1 >= threshold:
        return PASSED
    if q3 < threshold:
        return FAILED
    return None


def summarise(
    learner_s: list[float] | tuple[float, ...],
    baseline_s: list[float] | tuple[float, ...],
    *,
    threshold: float,
    device: str,
    threads: int,
    rounds: int = 1,
    final: bool = True,
) -> SpeedResult:
    """A SpeedResult from paired times; undecided on the ``final`` round means inconclusive.

    The trusted side calls this again on the raw times a sandboxed run sent back, so the verdict is
    never taken from the child's word.
    """
    if len(learner_s) != len(baseline_s) or not learner_s:
        raise ValueError(f"Expected equally many timed calls, got {len(learner_s)} and {len(baseline_s)}")
    ratios = [b / max(a, 1e-9) for a, b in zip(learner_s, baseline_s, strict=True)]
    verdict = decide(ratios, threshold) or (INCONCLUSIVE if final else "")
    return SpeedResult(
        device=device,
        threads=threads,
        threshold=threshold,
        learner_s=tuple(learner_s),
        baseline_s=tuple(baseline_s),
        speedup=statistics.median(ratios),
        spread=iqr(ratios),
        verdict=verdict,
        rounds=rounds,
    )


class Stopwatch:
    """Times one call on ``device``: on CUDA the device is synchronised before and after the call.

    >>> seconds, value = Stopwatch("cpu").time(sum, [1, 2])
    >>> value
    3
    """

    def __init__(
        self,
        device: str | torch.device,
        clock: Callable[[], float] = _PERF_COUNTER,
        flush_l2: bool = False,
    ) -> None:
        self.device = torch.device(device)
        self.cuda = self.device.type == "cuda"
        self.clock = clock
        self._flush = _l2_buffer(self.device) if flush_l2 and self.cuda else None

    def sync(self) -> None:
        if self.cuda:
            torch.cuda.synchronize(self.device)  # the whole device: every stream, not just the current one

    def time(self, fn: Callable[..., T], *args: Any) -> tuple[float, T]:
        if self._flush is not None:
            self._flush.zero_()  # evict the previous call's data from L2 (outside the timed interval)
        self.sync()
        start = self.clock()
        value = fn(*args)
        self.sync()
        return self.clock() - start, value


def _l2_buffer(device: torch.device) -> torch.Tensor:
    size = getattr(torch.cuda.get_device_properties(device), "L2_cache_size", 0) or 64 * 2**20
    return torch.empty(2 * size, dtype=torch.uint8, device=device)


@contextmanager
def threads_pinned(threads: int | None) -> Iterator[int]:
    """Run with ``threads`` intra-op CPU threads (None: as set), restoring the setting afterwards."""
    before = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        yield torch.get_num_threads()
    finally:
        torch.set_num_threads(before)


def race(
    learner: Callable[[T], float],
    baseline: Callable[[T], Any],
    prepare: Callable[[int], T],
    *,
    threshold: float,
    device: str | torch.device,
    pairs: int = 15,
    warmup: int = 2,
    max_rounds: int = 3,
    threads: int | None = None,
    flush_l2: bool = False,
    clock: Callable[[], float] = _PERF_COUNTER,
) -> SpeedResult:
    """Time ``learner`` against ``baseline``, interleaved, until the verdict is clear (or rounds run out).

    ``prepare(k)`` builds the inputs of call k (untimed; a new k for every pair, warm-up included, so
    every call sees fresh inputs). ``learner(inputs)`` makes one learner call and returns how long it
    took, measured by trusted code (:func:`on_stopwatch` in-process, the sandbox's parent otherwise),
    never by a clock in the learner's process; it checks the output too, raising to stop the race.
    ``baseline(inputs)`` is timed here, on the same device. Pairs alternate AB, BA so neither side
    always goes first.
    """
    if pairs < 1 or warmup < 0 or max_rounds < 1:
        raise ValueError(
            f"Expected pairs >= 1, warmup >= 0, max_rounds >= 1; got {pairs}, {warmup}, {max_rounds}"
        )
    watch = Stopwatch(device, clock=clock, flush_l2=flush_l2)
    name = device_name(watch.device)
    k = 0
    with threads_pinned(threads) as used:
        for _ in range(warmup):
            inputs = prepare(k)
            learner(inputs)
            baseline(inputs)
            watch.sync()
            k += 1
        for round_ in range(1, max_rounds + 1):
            learner_s, baseline_s = [], []
            for i in range(pairs):
                inputs = prepare(k)
                if i % 2 == 0:
                    a = learner(inputs)
                    b, _ = watch.time(baseline, inputs)
                else:
                    b, _ = watch.time(baseline, inputs)
                    a = learner(inputs)
                learner_s.append(a)
                baseline_s.append(b)
                k += 1
            final = round_ == max_rounds
            result = summarise(
                learner_s,
                baseline_s,
                threshold=threshold,
                device=name,
                threads=used,
                rounds=round_,
                final=final,
            )
            if result.verdict:
                return result
    raise AssertionError("unreachable: the last round always has a verdict")


def on_stopwatch(
    fn: Callable[[T], Any], device: str | torch.device, clock: Callable[[], float] = _PERF_COUNTER
) -> Callable[[T], float]:
    """A learner for :func:`race` from a plain function, timed in this process by a :class:`Stopwatch`."""
    watch = Stopwatch(device, clock=clock)
    return lambda inputs: watch.time(fn, inputs)[0]


def median_time(
    fn: Callable[[], Any],
    *,
    device: str | torch.device,
    warmup: int = 2,
    repeats: int = 7,
    clock: Callable[[], float] = _PERF_COUNTER,
) -> float:
    """The grader's own timer: median seconds of ``repeats`` synchronised calls after ``warmup``."""
    watch = Stopwatch(device, clock=clock)
    for _ in range(warmup):
        fn()
    watch.sync()
    return statistics.median(watch.time(fn)[0] for _ in range(repeats))


def device_name(device: str | torch.device) -> str:
    """What a report calls the device: the GPU's name, or the CPU's model."""
    device = torch.device(device)
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return f"cpu ({_cpu_model()})"


@cache
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


class FakeClock:
    """A clock for tests: ``advance`` moves it; reading it takes no time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
