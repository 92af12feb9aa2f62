"""Checks for pairwise_sq_distances: values, shape and dtype, empty inputs, never a negative entry, and
speed (grader.timing): always on the CPU against a Python loop over rows, and on a CUDA GPU against NumPy.

A timed check runs learner and baseline interleaved in one process (the sandbox's child, if any) on
fresh inputs for every call, and sends back the raw times plus, for each timed learner call, a few
output rows and whether the inputs came back unchanged; the judge, on the trusted side, regenerates
those inputs from the seed, checks the rows, and recomputes speedup, spread and verdict from the times.
So a cached result (stale for the fresh inputs), or inputs modified along the way, fail the timed check
whatever the speed; an inconclusive timing is a skip, neither points nor a failure.
"""

import numpy as np
import torch
from hypothesis import strategies as st

from grader import strategies as gs
from grader import timing
from grader.cases import Case, ramp
from grader.compare import Tolerance
from grader.i18n import say
from grader.runner import Judgement
from grader.spec import Agrees, Holds

# |x|² + |y|² - 2·x·y (one matrix product) is a correct answer; its rounding error in float32 grows with
# |x|², so values stay in [-4, 4] here and the cancellation-prone inputs are judged separately below
TOL = Tolerance(rtol=1e-5, atol=1e-4)
OFFSETS = (10.0, 100.0, 1000.0)


@st.composite
def point_sets(draw):
    # mostly n, m and d all different (y.T or x.T for y changes a shape), often a corner: as many points
    # as dimensions, n == m, a single point or coordinate, no points
    n, m, d = draw(gs.sizes(3, 0, 6))
    dtype = draw(gs.dtypes())
    return Case.of(
        x=draw(gs.tensors((n, d), dtype, low=-4, high=4)), y=draw(gs.tensors((m, d), dtype, low=-4, high=4))
    )


def _near_case(x: torch.Tensor, rows: list[int], jitter: torch.Tensor) -> Case:
    """y holds some of x's rows (identical points) and one row a hair away from another."""
    y = torch.cat([x[rows], x[rows[:1]] + jitter])
    return Case.of(x=x, y=y)


@st.composite
def near_points(draw):
    """Points far from the origin and close to each other: |x|² + |y|² - 2·x·y cancels badly there."""
    n, d = draw(st.integers(2, 5)), draw(st.integers(4, 16))
    dtype = draw(gs.dtypes())
    offset = draw(st.sampled_from(OFFSETS))
    x = offset + offset * draw(gs.tensors((n, d), dtype, low=0, high=1, layouts=False))
    rows = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n))
    jitter = torch.full((1, d), 1e-3 * offset, dtype=dtype)
    return _near_case(x, rows, jitter)


def _fixed_near(seed: int, d: int, offset: float, dtype: torch.dtype = torch.float32) -> Case:
    g = torch.Generator().manual_seed(seed)
    x = offset + offset * torch.rand(5, d, generator=g, dtype=dtype)
    return _near_case(x, [2, 0], 1e-3 * torch.rand(1, d, generator=g, dtype=dtype))


def exact_and_scale(x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    x64, y64 = x.detach().double(), y.detach().double()
    exact = ((x64[:, None, :] - y64[None, :, :]) ** 2).sum(-1)
    scale = (x64**2).sum(1)[:, None] + (y64**2).sum(1)[None, :]
    return exact, scale


def never_negative(case: Case, got) -> object:
    x, y = case["x"], case["y"]
    if not isinstance(got, torch.Tensor) or tuple(got.shape) != (len(x), len(y)):
        shape = tuple(got.shape) if isinstance(got, torch.Tensor) else type(got).__name__
        return say(
            f"expected a tensor of shape {(len(x), len(y))}, got {shape}",
            f"应返回形状为 {(len(x), len(y))} 的张量，实际得到 {shape}",
        )
    got64 = got.detach().double()
    if bool((got64 < 0).any()):
        i, j = (int(k) for k in (got64 < 0).nonzero()[0])
        return say(
            f"result[{i}, {j}] = {got64[i, j].item():.6g} is negative: a squared distance is never below 0"
            " (rounding in |x|² + |y|² - 2·x·y can make it so; clamp at 0)",
            f"result[{i}, {j}] = {got64[i, j].item():.6g} 是负数：距离的平方不可能小于 0"
            "（|x|² + |y|² - 2·x·y 的舍入误差会导致这种情况；请截断到 0）",
        )
    exact, scale = exact_and_scale(x, y)
    # allowed: rounding error of the matrix-product formula, relative to the size of the points
    bad = (got64 - exact).abs() > 1e-5 * scale + 1e-6
    if bool(bad.any()):
        i, j = (int(k) for k in bad.nonzero()[0])
        value, right = f"{got64[i, j].item():.6g}", f"{exact[i, j].item():.6g}"
        return say(
            f"result[{i}, {j}] = {value}, but the squared distance is {right}",
            f"result[{i}, {j}] = {value}，但距离的平方应为 {right}",
        )
    return None


# -- timed checks ---------------------------------------------------------------------------------------

CPU_SPEEDUP, CUDA_SPEEDUP = 20.0, 10.0
# 2048 points, 16 centres, d = 4 (k-means' assignment step): the loop below takes ~10-20 ms a call, and
# even the broadcasting answer's (n, m, d) temporary (512 KiB) stays in cache, so every vectorised
# answer wins by 50x or more on one thread, while any Python loop over rows stays near 1x
CPU_SIZES = (2048, 16, 4)
CUDA_SIZES = (4096, 4096, 128)
PROBE_ROWS = 4  # output rows checked per timed call, chosen from the seed and the call's number


def python_loop(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The CPU baseline: a Python loop over the rows of x, each row vectorised over all of y."""
    out = torch.empty(len(x), len(y), dtype=x.dtype)
    for i in range(len(x)):
        out[i] = ((x[i] - y) ** 2).sum(1)
    return out


def numpy_formula(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The CUDA check's baseline: NumPy on the CPU, |x|² + |y|² - 2·x·y (one BLAS matrix product)."""
    sq = (x * x).sum(1)[:, None] + (y * y).sum(1)[None, :] - 2.0 * (x @ y.T)
    return np.maximum(sq, 0.0)


BASELINES = {"python_loop": (python_loop, CPU_SPEEDUP), "numpy_formula": (numpy_formula, CUDA_SPEEDUP)}
BASELINE_NAMES = {
    "python_loop": ("a Python loop over rows", "逐行的 Python 循环"),
    "numpy_formula": ("NumPy on the CPU", "CPU 上的 NumPy"),
}


class Fresh:
    """A case argument standing for new random points on every call; prints as pasteable Python."""

    def __init__(self, *shape: int) -> None:
        self.shape = shape

    def __repr__(self) -> str:
        return f"torch.randn{self.shape}  # new points for every timed call"


def _seed(case_seed: int, call: int) -> int:
    return case_seed * 100_003 + call


def points(case_seed: int, call: int, n: int, m: int, d: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Call ``call``'s inputs, the same in the child that times and in the parent that judges."""
    g = torch.Generator().manual_seed(_seed(case_seed, call))
    return torch.randn(n, d, generator=g), torch.randn(m, d, generator=g)


def probe_rows(case_seed: int, call: int, n: int) -> list[int]:
    g = torch.Generator().manual_seed(_seed(case_seed, call) + 50_000)
    return sorted(torch.randperm(n, generator=g)[:PROBE_ROWS].tolist())


def timed_case(sizes: tuple[int, int, int], device: str, baseline: str, seed: int = 0) -> Case:
    n, m, d = sizes
    return Case.of(x=Fresh(n, d), y=Fresh(m, d), setup={"device": device, "baseline": baseline, "seed": seed})


def run_timed(impl, case: Case) -> dict:
    """Race the learner against the baseline; record each timed call's probe rows and inputs' state."""
    (n, d), m, seed = case["x"].shape, case["y"].shape[0], case["seed"]
    device = torch.device(case["device"])
    baseline, threshold = BASELINES[case["baseline"]]
    cuda = device.type == "cuda"
    calls: list[dict] = []

    def prepare(k: int) -> dict:
        x, y = points(seed, k, n, m, d)
        mine = (x.to(device, copy=True), y.to(device, copy=True))
        return {"mine": mine, "pristine": (x, y), "theirs": (x.numpy(), y.numpy()) if cuda else (x, y)}

    def after_learner(k: int, inputs: dict, out: object) -> None:
        x, y = inputs["mine"]
        record: dict = {"call": k, "type": type(out).__name__}
        record["inputs_unchanged"] = all(
            type(now) is torch.Tensor and torch.equal(now.cpu(), before)
            for now, before in zip((x, y), inputs["pristine"], strict=True)
        )
        if type(out) is torch.Tensor:
            record |= {"shape": list(out.shape), "dtype": str(out.dtype), "device": out.device.type}
            if tuple(out.shape) == (n, m):
                rows = probe_rows(seed, k, n)
                record |= {"rows": rows, "probe": out.detach()[rows].cpu()}
        calls.append(record)

    result = timing.race(
        lambda inputs: impl(*inputs["mine"]),
        lambda inputs: baseline(*inputs["theirs"]),
        prepare,
        threshold=threshold,
        device=device,
        pairs=10 if cuda else 15,
        warmup=2,
        max_rounds=3,
        threads=None if cuda else 1,  # CPU: one thread each, so a shared machine is not oversubscribed
        flush_l2=cuda,
        after_learner=after_learner,
    )
    return {
        "learner_s": list(result.learner_s),
        "baseline_s": list(result.baseline_s),
        "rounds": result.rounds,
        "device": result.device,
        "threads": result.threads,
        "calls": calls,
    }


def _call_problem(case: Case, record: dict, count: int) -> object:
    """What is wrong with one timed call's output or inputs (judged against regenerated inputs), or None."""
    (n, d), m, seed, k = case["x"].shape, case["y"].shape[0], case["seed"], record["call"]
    which = (f"timed call {count} (fresh inputs)", f"第 {count} 次计时调用（新的输入）")
    if not record["inputs_unchanged"]:
        return say(
            f"{which[0]}: your code modified its inputs x or y; inputs must stay unchanged",
            f"{which[1]}：你的代码修改了输入 x 或 y；输入必须保持不变",
        )
    want_device = torch.device(case["device"]).type
    got = (record.get("shape"), record.get("dtype"), record.get("device"))
    if got != ([n, m], "torch.float32", want_device):
        what = (
            record["type"] if record.get("shape") is None else f"shape {tuple(got[0])}, {got[1]} on {got[2]}"
        )
        return say(
            f"{which[0]}: expected a tensor of shape {(n, m)}, torch.float32 on {want_device}; got {what}",
            f"{which[1]}：应返回形状 {(n, m)}、torch.float32、位于 {want_device} 的张量；实际得到 {what}",
        )
    x, y = points(seed, k, n, m, d)
    exact, scale = exact_and_scale(x[record["rows"]], y)
    probe = record["probe"].double()
    bad = (probe - exact).abs() > 1e-4 * scale + 1e-5
    if bool(bad.any()):
        r, j = (int(i) for i in bad.nonzero()[0])
        i = record["rows"][r]
        value, right = f"{probe[r, j].item():.6g}", f"{exact[r, j].item():.6g}"
        return say(
            f"{which[0]}: result[{i}, {j}] = {value}, but the squared distance is {right}"
            " (a result kept from an earlier call?)",
            f"{which[1]}：result[{i}, {j}] = {value}，但距离的平方应为 {right}（是否返回了之前调用的结果？）",
        )
    return None


def judge_timed(case: Case, got: dict) -> Judgement:
    """Correct outputs and untouched inputs first (timing never excuses a wrong answer), then speed."""
    baseline = case["baseline"]
    result = timing.summarise(
        got["learner_s"],
        got["baseline_s"],
        threshold=BASELINES[baseline][1],
        device=got["device"],
        threads=got["threads"],
        rounds=got["rounds"],
    )
    report = result.to_dict() | {"baseline": baseline}
    for count, record in enumerate(got["calls"], 1):
        problem = _call_problem(case, record, count)
        if problem is not None:
            return Judgement(problem=problem, timing=report)
    if result.verdict == timing.PASSED:
        return Judgement(timing=report)
    en, zh = BASELINE_NAMES[baseline]
    needed = f"{result.threshold:g}"
    if result.verdict == timing.FAILED:
        return Judgement(
            problem=say(
                f"not fast enough: at least {needed}x faster than {en} is needed.\n{result.describe('en')}",
                f"速度不够：需要比{zh}快至少 {needed} 倍。\n{result.describe('zh')}",
            ),
            timing=report,
        )
    return Judgement(
        skip=say(
            f"inconclusive timing (too noisy to tell against {needed}x, after {result.rounds} rounds):"
            f" not counted either way.\n{result.describe('en')}",
            f"计时无法判定（噪声太大，{result.rounds} 轮后仍无法与 {needed} 倍比较）：不计分也不算失败。\n"
            f"{result.describe('zh')}",
        ),
        timing=report,
    )


CHECKS = (
    Agrees(
        name="matches_reference",
        points=5,
        tol=TOL,
        examples=(
            Case.of(x=ramp(2, 3), y=ramp(4, 3)),
            Case.of(x=torch.tensor([[0.0, 0.0], [3.0, 4.0]]), y=torch.tensor([[0.0, 0.0]])),
            Case.of(x=ramp(3, 1, dtype=torch.float64), y=ramp(2, 1, dtype=torch.float64)),
            Case.of(x=ramp(3, 3) / 4, y=ramp(3, 3).T / 3),  # n == m == d: x and y swapped fit
            Case.of(x=ramp(2, 3) / 4, y=ramp(3, 3) / 5 - 1),
        ),
        cases=point_sets(),
    ),
    Agrees(
        name="handles_empty_inputs",
        points=2,
        tol=TOL,
        examples=(
            Case.of(x=ramp(0, 3), y=ramp(4, 3)),
            Case.of(x=ramp(2, 3), y=ramp(0, 3)),
            Case.of(x=ramp(2, 0), y=ramp(3, 0)),
        ),
    ),
    Holds(
        name="never_negative",
        points=3,
        examples=(
            Case.of(x=ramp(3, 2), y=ramp(3, 2)),
            *(_fixed_near(seed, d, offset) for seed in range(3) for d, offset in ((8, 100.0), (16, 1000.0))),
            _fixed_near(0, 16, 1000.0, torch.float64),
        ),
        cases=near_points(),
        judge=never_negative,
    ),
    Holds(
        name="faster_than_python_loop",
        points=3,
        examples=(timed_case(CPU_SIZES, "cpu", "python_loop"),),
        run=run_timed,
        judge=judge_timed,
    ),
    Holds(
        name="cuda_faster_than_numpy",
        points=3,
        requires="cuda",
        examples=(timed_case(CUDA_SIZES, "cuda", "numpy_formula"),),
        run=run_timed,
        judge=judge_timed,
    ),
)
