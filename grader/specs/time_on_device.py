"""Checks for time_on_device on the CPU: fn called warmup + repeats times with the given args, warm-up
excluded, the median of the timed calls returned in seconds. Timings use ``time.sleep`` functions of
known duration with generous bounds; the CUDA timing checks are not here (they come with the timing work).
"""

import statistics
import time

import torch
from hypothesis import strategies as st

from grader import strategies as gs
from grader.cases import Case
from grader.i18n import say
from grader.spec import Agrees, Holds


class RecordCalls:
    """A do-nothing fn that remembers the arguments of every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[tuple, dict]] = []

    def __call__(self, *args, **kwargs) -> None:
        self.calls.append((args, kwargs))

    def __repr__(self) -> str:
        return "lambda *args: None  # the grader's fn counts its calls and checks their arguments"


class Sleepy:
    """A fn whose calls sleep known times: ``warmup_ms`` for the first ``warmup`` calls, then ``timed_ms``."""

    def __init__(self, warmup: int, warmup_ms: float, timed_ms: tuple[float, ...]) -> None:
        self.warmup, self.warmup_ms, self.timed_ms, self.calls = warmup, warmup_ms, timed_ms, 0

    def __call__(self, *args) -> None:
        k, self.calls = self.calls, self.calls + 1
        timed = k - self.warmup
        ms = self.warmup_ms if timed < 0 else self.timed_ms[timed] if timed < len(self.timed_ms) else 0.0
        time.sleep(ms / 1000)

    def describe(self, lang: str = "en") -> str:
        timed = ", ".join(f"{ms:g}" for ms in self.timed_ms)
        if lang == "zh":
            return f"前 {self.warmup} 次调用各睡 {self.warmup_ms:g} 毫秒，之后依次睡 {timed} 毫秒"
        calls = "call" if self.warmup == 1 else f"{self.warmup} calls"
        return f"sleeps {self.warmup_ms:g} ms on the first {calls}, then {timed} ms"

    def __repr__(self) -> str:
        return "sleepy_fn"


def run_counting(fn, case: Case) -> dict:
    record, args = case["fn"], case.args[1:]
    result = fn(*case.args, **case.kwargs)
    exact = all(
        len(a) == len(args) and all(p is q for p, q in zip(a, args, strict=True)) and not kw
        for a, kw in record.calls
    )
    return {
        "calls of fn": len(record.calls),
        "every call was fn(*args)": exact,
        "result is a Python float": isinstance(result, float),
    }


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
    return Case.of(fn=fn, kwargs=kwargs, setup={"sleepy_fn": fn.describe()})


def run_timed(fn, case: Case):
    return fn(*case.args, **case.kwargs)


def about_the_median(case: Case, got) -> object:
    if not isinstance(got, float):
        return say(
            f"expected a Python float (seconds), got a {type(got).__name__}",
            f"应返回 Python float（秒），实际返回了 {type(got).__name__}",
        )
    fn = case["fn"]
    median = statistics.median(fn.timed_ms) / 1000
    low, high = 0.9 * median, 1.5 * median + 0.004  # sleep never ends early; a busy machine wakes late
    if low <= got <= high:
        return None
    return say(
        f"expected about {median:.4f} s (the median of the timed calls; fn {fn.describe()}), got {got:.6g};"
        f" allowed {low:.4f} to {high:.4f} s",
        f"应约为 {median:.4f} 秒（计时调用的中位数，fn {fn.describe('zh')}），实际为 {got:.6g}；"
        f"允许范围 {low:.4f} 到 {high:.4f} 秒",
    )


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
        run=run_timed,
        judge=about_the_median,
    ),
    Holds(
        name="returns_median_seconds",
        points=3,
        examples=(sleepy_case(1, 1, (1, 5, 5, 5, 60)), sleepy_case(None, 5, (1, 5, 5, 5, 5, 5, 5, 5, 5, 80))),
        run=run_timed,
        judge=about_the_median,
    ),
)
