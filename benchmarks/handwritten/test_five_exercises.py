"""What an instructor might write instead of the grader: one Hypothesis property test per exercise.

The baseline of ``benchmarks/versus_handwritten.py``: 100 examples each for broadcast_add, patchify,
linear_regression_grads, train_step and to_device, run on the reference implementations, with no grader
imported (run it with ``--noconftest``: the checkout's conftest loads the grader's plugin).
"""

import importlib.util
from pathlib import Path

import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from torch import nn

REFERENCE = Path(__file__).resolve().parents[2] / "reference"
SETTINGS = settings(max_examples=100, deadline=None, database=None)


def reference(relpath: str):
    path = REFERENCE / relpath
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, path.stem)


broadcast_add = reference("02_broadcasting/broadcast_add.py")
patchify = reference("03_reshaping/patchify.py")
linear_regression_grads = reference("06_autograd/linear_regression_grads.py")
train_step = reference("10_training/train_step.py")
to_device = reference("11_devices/to_device.py")


def tensors(shape, dtype=torch.float32, bound=10.0):
    elements = st.floats(-bound, bound, width=32) if dtype.is_floating_point else st.integers(-100, 100)
    numpy_dtype = torch.empty(0, dtype=dtype).numpy().dtype
    return hnp.arrays(numpy_dtype, shape, elements=elements).map(torch.from_numpy)


@SETTINGS
@given(st.data())
def test_broadcast_add(data):
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=4, max_side=4))
    dtype = data.draw(st.sampled_from((torch.float32, torch.float64, torch.int64)))
    a, b = (data.draw(tensors(shape, dtype)) for shape in shapes.input_shapes)
    got = broadcast_add(a, b)
    assert got.dtype == (a + b).dtype
    torch.testing.assert_close(got, a + b)


@SETTINGS
@given(st.data())
def test_patchify(data):
    c, p, rows, cols = (data.draw(st.integers(1, 4)) for _ in range(4))
    img = data.draw(tensors((c, rows * p, cols * p)))
    expected = img.unfold(1, p, p).unfold(2, p, p).permute(1, 2, 0, 3, 4).reshape(rows * cols, c * p * p)
    assert torch.equal(patchify(img, p), expected)


@SETTINGS
@given(st.data())
def test_linear_regression_grads(data):
    n, d = data.draw(st.integers(1, 6)), data.draw(st.integers(0, 6))
    X, y = data.draw(tensors((n, d), torch.float64)), data.draw(tensors((n,), torch.float64))
    w, b = data.draw(tensors((d,), torch.float64)), data.draw(tensors((), torch.float64))
    residual = X @ w + b - y
    grad_w, grad_b = linear_regression_grads(X, y, w, b)
    torch.testing.assert_close(grad_w, 2 * X.T @ residual / n)
    torch.testing.assert_close(grad_b, 2 * residual.mean())


def model(n_in: int, hidden: int, n_out: int, seed: int) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(n_in, hidden), nn.BatchNorm1d(hidden), nn.Tanh(), nn.Linear(hidden, n_out))


@SETTINGS
@given(st.data())
def test_train_step(data):
    n, n_in, hidden, n_out = (data.draw(st.integers(low, 6)) for low in (2, 1, 1, 1))
    seed, steps = data.draw(st.integers(0, 2**16)), data.draw(st.integers(1, 4))
    inputs, targets = data.draw(tensors((n, n_in), bound=3)), data.draw(tensors((n, n_out), bound=2))
    graded, expected = model(n_in, hidden, n_out, seed), model(n_in, hidden, n_out, seed)
    graded_opt = torch.optim.SGD(graded.parameters(), lr=0.05, momentum=0.9)
    expected_opt = torch.optim.SGD(expected.parameters(), lr=0.05, momentum=0.9)
    for _ in range(steps):
        graded.eval()
        loss = train_step(graded, inputs, targets, nn.MSELoss(), graded_opt)
        assert isinstance(loss, float)
        assert graded.training
        expected.train()
        expected_opt.zero_grad()
        expected_loss = nn.functional.mse_loss(expected(inputs), targets)
        expected_loss.backward()
        expected_opt.step()
        assert abs(loss - expected_loss.item()) <= 1e-5 * (1 + abs(expected_loss.item()))
    for (name, got), want in zip(graded.state_dict().items(), expected.state_dict().values(), strict=True):
        torch.testing.assert_close(got, want, rtol=1e-5, atol=1e-6, msg=name)


leaves = tensors(hnp.array_shapes(min_dims=0, max_dims=2, max_side=3)) | st.integers() | st.none()
structures = st.recursive(
    leaves,
    lambda children: (
        st.lists(children, max_size=3)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(st.sampled_from("xyz"), children, max_size=3)
    ),
    max_leaves=8,
)


def same_structure_on_meta(got, original) -> None:
    assert type(got) is type(original)
    if isinstance(original, torch.Tensor):
        assert got.device.type == "meta" and got.shape == original.shape and got.dtype == original.dtype
    elif isinstance(original, dict):
        assert got.keys() == original.keys()
        for key in original:
            same_structure_on_meta(got[key], original[key])
    elif isinstance(original, list | tuple):
        assert len(got) == len(original)
        for g, o in zip(got, original, strict=True):
            same_structure_on_meta(g, o)
    else:
        assert got == original


@SETTINGS
@given(structures)
def test_to_device(obj):
    same_structure_on_meta(to_device(obj, "meta"), obj)
