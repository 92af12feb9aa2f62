"""The kinds of check an exercise spec is made of.

A spec is a module ``specs/<id>.py`` of a course with a ``CHECKS`` tuple. Each check says what to feed the
exercise (a Hypothesis strategy of :class:`~grader.cases.Case`, plus fixed ``examples`` tried first),
how to run it (``run(impl, case)``: by default a plain call) and what counts as right:

- :class:`Agrees` — the learner's result equals the reference's (type, shape, dtype, device, values);
- :class:`Raises` — the learner raises the stated error, as the reference does;
- :class:`Holds` — a property of the learner's result alone, judged by trusted code (no reference).

The forbidden-API check is not written in specs: it comes from the catalog's ``forbidden`` list.

``impl`` is the exercise's entry (a function or class) or, for an exercise with several entries, a
namespace holding each by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hypothesis.strategies import SearchStrategy

from grader.cases import Case
from grader.compare import DEFAULT, Tolerance
from grader.harness import Runner, call
from grader.i18n import Msg


@dataclass(frozen=True)
class Judgement:
    """What a :class:`~grader.spec.Holds` judge may return instead of ``Msg | None``, to say more.

    ``problem``: what is wrong (None: right). ``skip``: the check cannot be decided on this run (timing
    too noisy, say): it is ``skipped`` with this reason and left out of the maximum, like a check that
    needs a missing GPU; the first skip ends the check, so use it with fixed ``examples``. ``timing``:
    measurements (plain data) for the reports, kept apart from the verdict.
    """

    problem: Msg | None = None
    skip: Msg | None = None
    timing: Mapping[str, Any] | None = None


@dataclass(frozen=True, kw_only=True)
class Check:
    name: str
    cases: SearchStrategy[Case] | None = None
    examples: tuple[Case, ...] = ()
    run: Runner = call
    points: int = 1
    # "cuda", or an importable module such as "sklearn": skipped (and out of the maximum) where missing
    requires: str | None = None
    max_examples: int | None = None  # overrides the run's budget for slow checks
    hidden: bool = False  # CI-only: runs when Settings.include_hidden; a failure never shows its input

    def __post_init__(self) -> None:
        if self.cases is None and not self.examples:
            raise ValueError(f"check {self.name!r}: give it `cases` (a strategy), `examples`, or both")


@dataclass(frozen=True, kw_only=True)
class Agrees(Check):
    """The learner's result matches the reference's on every case."""

    tol: Tolerance = DEFAULT
    fresh_output: bool = True  # the result may not share memory with an input
    may_modify_inputs: bool = False


@dataclass(frozen=True, kw_only=True)
class Raises(Check):
    """The learner raises ``error`` (a subclass counts) on every case, as the reference does."""

    error: type[BaseException] = ValueError


@dataclass(frozen=True, kw_only=True)
class Holds(Check):
    """``judge(case, result)`` returns None when the learner's result is right, else what is wrong.

    ``run`` executes in the learner's process (sandboxed: the child), so it only observes: it returns raw
    observations (values, arrays, shapes, names), and ``judge`` decides, always in the trusted process. It
    never compares, never computes a verdict there, and holds no expected value in what it hands to learner
    code: everything in that process is the learner's to read and rebind (docs/authoring.md, "Facts").

    ``clocked``: the judge is called as ``judge(case, result, seconds)``, ``seconds`` being how long the run
    took by the trusted side's own clock (sandboxed: the parent's clock around the whole request, so never
    less than the run). A fact about time (a fixture that sleeps known times was really called) rests on it.
    """

    judge: Callable[..., Msg | Judgement | None]
    may_modify_inputs: bool = False
    clocked: bool = False


@dataclass(frozen=True, kw_only=True)
class Races(Check):
    """The learner's entry raced against a trusted baseline, timed by the trusted side only.

    Never a clock in the learner's process (a submission can read the grader's source and rewire it):
    in-process the grader's stopwatch brackets the call; sandboxed, the parent's clock brackets the whole
    request, less the round trip measured on a trusted child (docs/timing.md).

    - ``prepare(generator, k)``: call k's arguments, made in the trusted process from a generator seeded
      by the operating system, so a learner can neither predict nor precompute them;
    - ``baseline(*args)``: what the learner races, run in the trusted process;
    - ``verify(args, summary)``: what is wrong with one timed call's output (a Msg), or None;
    - ``place(args)`` and ``summarise(output, args)`` run with the learner's call, inside the timed
      interval: the arguments moved to ``device``; the output reduced to what is sent back (default: all
      of it; on a GPU, a digest that still needs every element).

    ``examples`` (one Case, for display) shows the sizes in feedback.
    """

    threshold: float
    prepare: Callable[[Any, int], tuple]
    baseline: Callable[..., Any]
    baseline_name: Msg
    verify: Callable[[tuple, Any], Msg | None]
    summary: Callable[[Any, tuple], Any] | None = None
    device: str = "cpu"
    pairs: int = 15
    warmup: int = 2
    max_rounds: int = 3
    threads: int | None = 1  # CPU: one thread each, so a shared machine is not oversubscribed

    def place(self, args: tuple) -> tuple:
        if self.device == "cpu":
            return args
        return tuple(a.to(self.device) if hasattr(a, "to") else a for a in args)

    def summarise(self, output: Any, args: tuple) -> Any:
        return output if self.summary is None else self.summary(output, args)
