"""Checks for to_numpy: values, shape and dtype kept, also for tensors that require grad or live on a GPU."""

import torch

from grader.api import Agrees, Case, ramp
from grader.api import strategies as gs

DTYPES = (torch.float32, torch.float64, torch.float16, torch.int64, torch.int32, torch.uint8, torch.bool)


def _requiring_grad(t: torch.Tensor) -> torch.Tensor:
    return t.requires_grad_()


def _on_cuda(t: torch.Tensor) -> torch.Tensor:
    return t.to("cuda")


any_tensor = gs.tensors(gs.shapes(max_dims=3, max_side=4), gs.dtypes(DTYPES))
float_tensor = gs.tensors(gs.shapes(max_dims=3, max_side=4), gs.dtypes(gs.FLOAT_DTYPES))

CHECKS = (
    Agrees(
        name="matches_values",
        points=4,
        fresh_output=False,  # an array that shares the tensor's memory is fine
        examples=(
            Case.of(t=ramp(2, 3)),
            Case.of(t=ramp()),
            Case.of(t=torch.empty(0, 3)),
            Case.of(t=ramp(3, 4).T),
        ),
        cases=gs.cases(t=any_tensor),
    ),
    Agrees(
        name="keeps_dtype",
        points=2,
        fresh_output=False,
        examples=tuple(
            Case.of(t=ramp(2, 2, dtype=d) if d is not torch.bool else ramp(2, 2) > 1) for d in DTYPES
        ),
    ),
    Agrees(
        name="works_when_requires_grad",
        points=3,
        fresh_output=False,
        examples=(Case.of(t=ramp(2, 3).requires_grad_()), Case.of(t=ramp().requires_grad_())),
        cases=gs.cases(t=float_tensor.map(_requiring_grad)),
    ),
    Agrees(
        name="works_on_gpu",
        points=1,
        requires="cuda",
        fresh_output=False,
        cases=gs.cases(t=any_tensor.map(_on_cuda)),
    ),
)
