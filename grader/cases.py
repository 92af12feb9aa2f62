"""A test case: the arguments one call receives, and how to print them as Python a learner can paste."""

from __future__ import annotations

import copy
import copyreg
import io
import math
import pickle
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import torch


@dataclass(frozen=True)
class Case:
    """Named positional arguments plus keyword arguments for one call of the learner's function.

    ``setup`` holds values the check's runner uses but that are not arguments (a seed, a step count).

    >>> Case.of(a=1, b=2).args
    (1, 2)
    """

    named_args: tuple[tuple[str, Any], ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    setup: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, *, kwargs: dict[str, Any] | None = None, setup: dict[str, Any] | None = None, **args: Any):
        return cls(tuple(args.items()), dict(kwargs or {}), dict(setup or {}))

    @property
    def args(self) -> tuple[Any, ...]:
        return tuple(value for _, value in self.named_args)

    def inputs(self) -> dict[str, Any]:
        """Every argument by name (positional and keyword), for mutation and aliasing checks."""
        return {**dict(self.named_args), **self.kwargs}

    def __getitem__(self, name: str) -> Any:
        if name in self.setup:
            return self.setup[name]
        return self.inputs()[name]

    def clone(self) -> Case:
        """A deep copy that keeps each tensor's dtype, device and memory layout (strides)."""
        return Case(
            tuple((k, clone_value(v)) for k, v in self.named_args),
            {k: clone_value(v) for k, v in self.kwargs.items()},
            dict(self.setup),
        )

    def to_source(self, entry: str) -> str:
        """Python that rebuilds the inputs and makes the call, ready to paste into a shell."""
        lines: list[str] = []
        for name, value in [*self.named_args, *self.kwargs.items()]:
            lines.extend(_assign(name, value))
        for key, value in self.setup.items():
            lines.append(f"# {key} = {value!r}")
        call_args = [name for name, _ in self.named_args] + [f"{k}={k}" for k in self.kwargs]
        lines.append(f"{entry}({', '.join(call_args)})")
        imports = ["import torch"]
        if any(isinstance(v, np.ndarray) for v in self.inputs().values()):
            imports.append("import numpy as np")
        return "\n".join(imports + lines)


def clone_value(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        if value.device.type == "meta" or value.is_contiguous():
            out = value.detach().clone()
        else:
            out = torch.empty_strided(value.shape, value.stride(), dtype=value.dtype, device=value.device)
            out.copy_(value.detach())
        return out.requires_grad_(value.requires_grad)
    if isinstance(value, np.ndarray):
        return value.copy(order="K")
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(clone_value(v) for v in value))
    if isinstance(value, list | tuple):
        return type(value)(clone_value(v) for v in value)
    if isinstance(value, dict):
        return {k: clone_value(v) for k, v in value.items()}
    return copy.deepcopy(value)


def _number(x: Any) -> str:
    if isinstance(x, float) and not math.isfinite(x):
        return f"float({str(x)!r})"
    return repr(x)


def _nested(values: Any) -> str:
    if isinstance(values, list):
        return "[" + ", ".join(_nested(v) for v in values) + "]"
    return _number(values)


def tensor_source(t: torch.Tensor) -> str:
    dtype = str(t.dtype)
    device = "" if t.device.type == "cpu" else f", device={str(t.device)!r}"
    grad = ", requires_grad=True" if t.requires_grad else ""
    if t.device.type == "meta":
        return f"torch.empty({tuple(t.shape)}, dtype={dtype}{device})"
    if t.numel() == 0 and t.dim() != 1:
        return f"torch.empty({tuple(t.shape)}, dtype={dtype}{device}{grad})"
    return f"torch.tensor({_nested(t.detach().cpu().tolist())}, dtype={dtype}{device}{grad})"


def array_source(a: np.ndarray) -> str:
    if a.size == 0 and a.ndim != 1:
        return f"np.empty({a.shape}, dtype=np.{a.dtype})"
    return f"np.array({_nested(a.tolist())}, dtype=np.{a.dtype})"


def value_source(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return tensor_source(value)
    if isinstance(value, np.ndarray):
        return array_source(value)
    if isinstance(value, torch.dtype):
        return str(value)
    if isinstance(value, torch.device):
        return f"torch.device({str(value)!r})"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, list):
        return "[" + ", ".join(value_source(v) for v in value) + "]"
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        inner = ", ".join(value_source(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {value_source(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _assign(name: str, value: Any) -> list[str]:
    lines = [f"{name} = {value_source(value)}"]
    if isinstance(value, torch.Tensor) and value.device.type != "meta" and not value.is_contiguous():
        lines.append(
            f"{name} = torch.empty_strided({tuple(value.shape)}, {value.stride()}, dtype={name}.dtype)"
            f".copy_({name})  # the test passes a non-contiguous tensor"
        )
    return lines


def ramp(*shape: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """0, 1, 2, ... laid out in ``shape``: readable fixed examples (a 0-d ramp is 7)."""
    if not shape:
        return torch.tensor(7, dtype=dtype)
    return torch.arange(torch.Size(shape).numel(), dtype=dtype).reshape(shape)


# -- sending cases to another process --------------------------------------------------------------------


def pack(value: Any) -> bytes:
    """Pickle ``value`` (a case, a request) for a trusted reader, plain CPU tensors as raw bytes.

    torch pickles each tensor through ``torch.save`` and unpickles it through ``torch.load``: ~0.1 ms a
    tensor, the largest cost of a sandboxed call. Anything else (a Parameter's inner data excepted, a
    module, a subclass, a CUDA or meta tensor) goes through torch's own pickling, unchanged.
    """
    buffer = io.BytesIO()
    _FastPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _reduce_tensor(t: torch.Tensor) -> tuple:
    if (
        t.device.type != "cpu"
        or t.layout != torch.strided
        or t.is_quantized
        or t.is_conj()
        or t.is_neg()
        or t.grad_fn is not None
        or torch._utils._get_obj_state(t)
    ):
        return t.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    storage = t.untyped_storage()
    data = torch.empty(0, dtype=torch.uint8).set_(storage).numpy().tobytes() if storage.nbytes() else b""
    return _rebuild_tensor, (data, t.dtype, t.storage_offset(), tuple(t.shape), t.stride(), t.requires_grad)


def _rebuild_tensor(
    data: bytes, dtype: torch.dtype, offset: int, shape: tuple, stride: tuple, requires_grad: bool
) -> torch.Tensor:
    raw = torch.frombuffer(bytearray(data), dtype=torch.uint8) if data else torch.empty(0, dtype=torch.uint8)
    t = torch.empty(0, dtype=dtype).set_(raw.untyped_storage(), offset, shape, stride)
    return t.requires_grad_(requires_grad) if requires_grad else t


class _FastPickler(pickle.Pickler):
    dispatch_table: ClassVar[dict] = {**copyreg.dispatch_table, torch.Tensor: _reduce_tensor}
