"""grader.cases: cases clone faithfully and print as Python that rebuilds them."""

import math

import numpy as np
import torch

from grader.cases import Case, ramp


def rebuild(source: str) -> dict:
    namespace: dict = {}
    body = "\n".join(source.splitlines()[:-1])  # everything but the call itself
    exec(body, namespace)
    return namespace


def test_source_rebuilds_values_dtypes_and_layout() -> None:
    a = torch.arange(6.0).reshape(3, 2).t()  # non-contiguous
    b = torch.tensor([[math.inf, -0.5]], dtype=torch.float64)
    e = torch.empty(0, 3, dtype=torch.int64)
    n = np.arange(4, dtype=np.int32)
    case = Case.of(a=a, b=b, e=e, n=n, kwargs={"k": 3})
    source = case.to_source("f")
    assert source.splitlines()[-1] == "f(a, b, e, n, k=k)"
    ns = rebuild(source)
    assert torch.equal(ns["a"], a) and ns["a"].stride() == a.stride()
    assert torch.equal(ns["b"], b) and ns["b"].dtype == torch.float64
    assert ns["e"].shape == (0, 3) and ns["e"].dtype == torch.int64
    assert np.array_equal(ns["n"], n) and ns["n"].dtype == np.int32
    assert ns["k"] == 3


def test_zero_dim_and_meta_tensors_print() -> None:
    source = Case.of(x=torch.tensor(2.5), m=torch.empty(2, 3, device="meta")).to_source("g")
    ns = rebuild(source)
    assert ns["x"].dim() == 0 and ns["x"].item() == 2.5
    assert ns["m"].device.type == "meta" and ns["m"].shape == (2, 3)


def test_clone_is_deep_and_keeps_strides() -> None:
    a = torch.arange(6.0).reshape(2, 3)[:, ::2]
    case = Case.of(a=a, xs=[torch.ones(2)])
    copy = case.clone()
    copy["a"].add_(1)
    copy["xs"][0].add_(1)
    assert torch.equal(a, torch.arange(6.0).reshape(2, 3)[:, ::2])
    assert torch.equal(case["xs"][0], torch.ones(2))
    assert copy["a"].stride() == a.stride()


def test_ramp() -> None:
    assert ramp(2, 3).tolist() == [[0, 1, 2], [3, 4, 5]]
    assert ramp().dim() == 0


def test_pack_keeps_what_torch_pickling_keeps_and_is_a_plain_pickle() -> None:
    import pickle

    from grader.cases import pack

    base = torch.arange(12.0).reshape(3, 4)
    tensors = [
        base,
        base.t(),  # strides
        base[:, 1:3],  # offset into a larger storage
        torch.randn(2, 3).expand(4, 2, 3),  # stride 0
        torch.ones(0, 3),
        torch.tensor(7),
        torch.randn(3, requires_grad=True),
        torch.tensor([True, False]),
        torch.randn(2, dtype=torch.bfloat16),
        torch.randn(2, dtype=torch.complex64),
        torch.empty(2, device="meta"),  # not plain CPU: torch's own pickling
    ]
    for t in tensors:
        got = pickle.loads(pack(t))
        assert type(got) is torch.Tensor and got.dtype == t.dtype and got.shape == t.shape
        assert got.stride() == t.stride() and got.storage_offset() == t.storage_offset()
        assert got.requires_grad == t.requires_grad and got.device == t.device
        if t.device.type != "meta":
            assert torch.equal(got, t)
    model = torch.nn.Linear(3, 2)
    got = pickle.loads(pack(Case.of(model=model, x=base)))
    assert type(got["model"].weight) is torch.nn.Parameter
    assert torch.equal(got["model"].weight, model.weight) and torch.equal(got["x"], base)
