"""Checks for time_on_device: fn called warmup + repeats times with the given args, warm-up excluded, the
median of the timed calls returned in seconds.

On the CPU the fns sleep known times (``time.sleep``), judged with generous bounds; a timer that forgets
to synchronise cannot be told apart there (the CPU runs fn to the end before returning). On a CUDA GPU
(``requires="cuda"``) fn queues one kernel that spins a known number of clock cycles
(``torch.cuda._sleep``) and returns at once: the grader's own synchronised timer (grader.timing) measures
that kernel in the trusted process, and the learner's answer must agree with it.
An unsynchronised timer measures only the launch (microseconds, not milliseconds) and fails there.
"""

import math
import statistics
import time

import torch
from hypothesis import strategies as st

from grader.api import Agrees, Case, Holds, Msg, device_name, median_time, say
from grader.api import strategies as gs

SLEEPS_AFTER_ONE = say(
    "sleeps {warmup_ms:g} ms on the first call, then {timed} ms",
    "前 1 次调用各睡 {warmup_ms:g} 毫秒，之后依次睡 {timed} 毫秒",
)
SLEEPS = say(
    "sleeps {warmup_ms:g} ms on the first {warmup} calls, then {timed} ms",
    "前 {warmup} 次调用各睡 {warmup_ms:g} 毫秒，之后依次睡 {timed} 毫秒",
)
NOT_THE_MEDIAN = say(
    "expected about {median:.4f} s (the median of the timed calls; fn {fn}), got {got:.6g};"
    " allowed {low:.4f} to {high:.4f} s",
    "应约为 {median:.4f} 秒（计时调用的中位数，fn {fn}），实际为 {got:.6g}；"
    "允许范围 {low:.4f} 到 {high:.4f} 秒",
)
GPU_SLEEP = say(
    "queues a GPU kernel spinning {cycles} clock cycles and returns at once"
    " ({slow} times as long on the first {warmup} calls)",
    "在 GPU 上排队一个空转 {cycles} 个时钟周期的内核后立即返回（前 {warmup} 次是 {slow} 倍长）",
)
NOT_THE_GRADERS_TIME = say(
    "on {device}, fn {fn}: the grader's timer measured {measured} per timed call, you returned"
    " {ms:.3f} ms{why}; allowed {low:.3f} to {high:.3f} ms",
    "在 {device} 上，fn {fn}：评分器的计时器测得每次计时调用 {measured}，你返回了 {ms:.3f} 毫秒{why}；"
    "允许范围 {low:.3f} 到 {high:.3f} 毫秒",
)
UNSYNCHRONISED = say(
    " — far too short: the clock stopped before the GPU finished (synchronise, or use CUDA events)",
    "——太短了：GPU 还没算完就停表了（请同步，或使用 CUDA 事件）",
)


class RecordCalls:
    """A do-nothing fn that remembers the arguments of every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[tuple, dict]] = []

    def __call__(self, *args, **kwargs) -> None:
        self.calls.append((args, kwargs))

    def __repr__(self) -> str:
        return "lambda *args: None  # the grader's fn counts its calls and checks their arguments"


class Sleepy:
    """A fn whose calls sleep known times: ``warmup_ms`` for the first ``warmup`` calls, then ``timed_ms``.

    It runs in the learner's process, where everything it holds can be read: it keeps no measurement, and
    the judge never takes its word. What the judge weighs is the parent's copy of the schedule and the
    parent's own clock (``Holds.clocked``): a sleep never ends early, so an answer counts only from a call
    that lasted at least the schedule (less its longest call: off by one is the counting check's fault)."""

    def __init__(self, warmup: int, warmup_ms: float, timed_ms: tuple[float, ...]) -> None:
        self.warmup, self.warmup_ms, self.timed_ms, self.calls = warmup, warmup_ms, timed_ms, 0

    def __call__(self, *args) -> None:
        k, self.calls = self.calls, self.calls + 1
        timed = k - self.warmup
        ms = self.warmup_ms if timed < 0 else self.timed_ms[timed] if timed < len(self.timed_ms) else 0.0
        time.sleep(ms / 1000)

    def scheduled_seconds(self) -> float:
        """How long warmup + repeats calls sleep in all."""
        return (self.warmup * self.warmup_ms + sum(self.timed_ms)) / 1000

    def least_seconds(self) -> float:
        """How long all calls but the longest sleep: what any answer from real calls took at least (a
        timer off by one call is the counting check's business, and is not failed twice)."""
        longest = max((self.warmup_ms,) * min(self.warmup, 1) + tuple(self.timed_ms))
        return self.scheduled_seconds() - longest / 1000

    def late_to_move_the_median(self) -> int:
        """How many timed calls must each wake at least d late to raise their median by d: those at or
        under the median, beyond half of the calls (a safe count: it assumes the longer ones need nothing)."""
        median = statistics.median(self.timed_ms)
        longer = sum(ms > median for ms in self.timed_ms)
        return max(1, math.ceil(len(self.timed_ms) / 2) - longer)

    def describe(self) -> Msg:
        timed = ", ".join(f"{ms:g}" for ms in self.timed_ms)
        sleeps = SLEEPS_AFTER_ONE if self.warmup == 1 else SLEEPS
        return sleeps(warmup=self.warmup, warmup_ms=self.warmup_ms, timed=timed)

    def __repr__(self) -> str:
        return "sleepy_fn"


def run_counting(fn, case: Case) -> dict:
    """What the learner's calls of fn were, as raw data: how many, and each call's arguments by position
    (``args[i]`` when it is the very object given, else its type); the comparison is the judge's."""
    record, args = case["fn"], case.args[1:]
    result = fn(*case.args, **case.kwargs)
    shapes = sorted({_call_shape(a, kw, args) for a, kw in record.calls})
    return {"calls of fn": len(record.calls), "calls": shapes, "result type": _type_family(result)}


def _call_shape(passed: tuple, kwargs: dict, args: tuple) -> str:
    def which(p) -> str:
        return next((f"args[{i}]" for i, q in enumerate(args) if p is q), f"a new {type(p).__name__}")

    named = [f"{k}=…" for k in sorted(kwargs)]
    return "fn(" + ", ".join([which(p) for p in passed] + named) + ")"


def _type_family(value) -> str:
    """``float`` for a Python float (numpy.float64 is one), else the type's name: the learner's own value."""
    return "float" if isinstance(value, float) else type(value).__name__


@st.composite
def counting_cases(draw):
    args = draw(
        st.lists(
            st.integers(-3, 3) | st.text("ab", max_size=2) | gs.tensors(gs.shapes(max_dims=2)), max_size=3
        )
    )
    kwargs = {"device": draw(st.sampled_from(("cpu", torch.device("cpu"))))}
    if draw(st.booleans()):  # sometimes rely on the defaults (3 and 10)
        kwargs |= {"warmup": draw(st.integers(0, 4)), "repeats": draw(st.integers(1, 6))}
    named = {"fn": RecordCalls(), **{f"arg{i}": a for i, a in enumerate(args)}}
    return Case.of(**named, kwargs=kwargs)


def sleepy_case(warmup: int | None, warmup_ms: float, timed_ms: tuple[float, ...]) -> Case:
    fn = Sleepy(3 if warmup is None else warmup, warmup_ms, timed_ms)
    kwargs = {"device": "cpu"} | ({} if warmup is None else {"warmup": warmup, "repeats": len(timed_ms)})
    return Case.of(fn=fn, kwargs=kwargs, setup={"sleepy_fn": fn.describe().render("en")})


def run_timed(fn, case: Case):
    return fn(*case.args, **case.kwargs)


def run_sleepy(fn, case: Case):
    """The learner's answer, as it is: the judge weighs it against the parent's clock."""
    return fn(*case.args, **case.kwargs)


NOT_CALLED = say(
    "your call returned after {seconds:.4f} s, but calling fn warmup + repeats times ({fn}) sleeps"
    " {scheduled:.4f} s: fn was not called as many times as asked, so your answer was not measured",
    "你的调用在 {seconds:.4f} 秒后就返回了，但按要求调用 fn warmup + repeats 次（{fn}）要睡"
    " {scheduled:.4f} 秒：fn 没有被调用足够的次数，所以你的答案不是测出来的",
)


def about_the_median(case: Case, answer, seconds: float) -> object:
    """Judged in the trusted process, from its own copy of the schedule and its own clock (``seconds``:
    the parent's clock around the learner's whole call)."""
    if not isinstance(answer, float):
        return say(
            f"expected a Python float (seconds), got a {type(answer).__name__}",
            f"应返回 Python float（秒），实际返回了 {type(answer).__name__}",
        )
    fn = case["fn"]
    scheduled = fn.scheduled_seconds()
    if seconds < fn.least_seconds():  # a sleep never ends early: fn was hardly called, or not at all
        return NOT_CALLED(seconds=seconds, fn=fn.describe(), scheduled=scheduled)
    median = statistics.median(fn.timed_ms) / 1000
    # a sleep never ends early, and a busy machine wakes late (loaded CI runners overshot the nominal 5 ms
    # by 13 ms): the median of what the timed calls took exceeds the scheduled one by at most the time the
    # whole call took beyond the schedule, shared by the calls that must all wake late to move the median
    overshoot = max(seconds - scheduled, 0.0)
    low, high = 0.9 * median, max(1.5 * median, median + overshoot / fn.late_to_move_the_median()) + 0.004
    if low <= answer <= high:
        return None
    return NOT_THE_MEDIAN(median=median, fn=fn.describe(), got=answer, low=low, high=high)


class GpuSleep:
    """A fn that queues one GPU kernel spinning ``cycles`` clock cycles and returns without waiting;
    its first ``warmup`` calls spin ``slow`` times as long (a slow start that warm-up must exclude)."""

    def __init__(self, warmup: int, cycles: int, slow: int = 8) -> None:
        self.warmup, self.cycles, self.slow, self.calls = warmup, cycles, slow, 0

    def __call__(self, *args) -> None:
        k, self.calls = self.calls, self.calls + 1
        torch.cuda._sleep(self.cycles * (self.slow if k < self.warmup else 1))

    def describe(self) -> Msg:
        return GPU_SLEEP(cycles=self.cycles, slow=self.slow, warmup=self.warmup)

    def __repr__(self) -> str:
        return "gpu_sleep_fn"


GPU_CYCLES = 4_000_000  # about 2-3 ms at 1.4-2 GHz: far above a launch (~10 µs) and a synchronise


def gpu_case(warmup: int, repeats: int, device: str | torch.device = "cuda") -> Case:
    fn = GpuSleep(warmup, GPU_CYCLES)
    kwargs = {"device": device, "warmup": warmup, "repeats": repeats}
    return Case.of(fn=fn, kwargs=kwargs, setup={"gpu_sleep_fn": fn.describe().render("en")})


def grader_timer(cycles: int) -> list[float]:
    """The same kernel, timed twice in the trusted process by the grader's own synchronised timer."""

    def kernel() -> None:
        torch.cuda._sleep(cycles)

    return [median_time(kernel, device="cuda") for _ in range(2)]


def agrees_with_grader_timer(case: Case, result) -> object:
    """Judged in the trusted process: the learner's answer against the grader's own measurement there
    (a clock in the learner's process could be rewired by the submission it times)."""
    if not isinstance(result, float):
        return say(
            f"expected a Python float (seconds), got a {type(result).__name__}",
            f"应返回 Python float（秒），实际返回了 {type(result).__name__}",
        )
    grader_s = grader_timer(case["fn"].cycles)
    low, high = 0.8 * min(grader_s), 1.25 * max(grader_s) + 2e-4
    if low <= result <= high:
        return None
    measured = " and ".join(f"{s * 1e3:.3f} ms" for s in grader_s)
    device = device_name("cuda")
    why = UNSYNCHRONISED if result < 0.1 * low else ""
    return NOT_THE_GRADERS_TIME(
        device=device, fn=case["fn"].describe(), measured=measured, ms=result * 1e3, why=why,
        low=low * 1e3, high=high * 1e3,
    )  # fmt: skip


CHECKS = (
    Agrees(
        name="calls_fn_warmup_plus_repeats_times",
        points=4,
        examples=(
            Case.of(fn=RecordCalls(), kwargs={"device": "cpu"}),
            Case.of(
                fn=RecordCalls(),
                arg0=torch.ones(2),
                arg1=5,
                kwargs={"device": "cpu", "warmup": 0, "repeats": 1},
            ),
        ),
        cases=counting_cases(),
        run=run_counting,
        max_examples=15,
    ),
    Holds(
        name="excludes_warmup",
        points=3,
        examples=(sleepy_case(3, 30, (5, 5, 5)),),
        run=run_sleepy,
        judge=about_the_median,
        clocked=True,
    ),
    Holds(
        name="returns_median_seconds",
        points=3,
        examples=(sleepy_case(1, 1, (1, 5, 5, 5, 60)), sleepy_case(None, 5, (1, 5, 5, 5, 5, 5, 5, 5, 5, 80))),
        run=run_sleepy,
        judge=about_the_median,
        clocked=True,
    ),
    Holds(
        name="cuda_agrees_with_grader_timer",
        points=3,
        requires="cuda",
        examples=(gpu_case(3, 3), gpu_case(2, 5, torch.device("cuda"))),
        run=run_timed,
        judge=agrees_with_grader_timer,
    ),
)
