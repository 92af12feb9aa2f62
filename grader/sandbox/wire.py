"""What may cross back from learner code: plain data, encoded without pickle and checked on arrival.

A message is ``MAGIC | u32 header length | JSON header | (u64 length | bytes)*``. The JSON header holds
numbers, short strings, containers and tagged descriptions; tensor and array data travel as raw buffers
of an allow-listed dtype whose sizes must match their shapes. Anything else is sent as an opaque type
name, which fails the comparison by type like any other wrong type. Decoding never calls learner code.
"""

from __future__ import annotations

import json
import math
import re
import struct
from collections import namedtuple
from typing import Any

import numpy as np
import torch

MAGIC = b"GRW1"
MAX_DEPTH = 24
MAX_ITEMS = 100_000
MAX_STRING = 20_000
MAX_BYTES = 512 * 2**20
# The JSON header is bounded before it is parsed: in bytes, and in the containers it can make ("[" and
# "{", counted inside strings too, which only errs towards refusing). A 150 MB header of empty lists took
# the parent to 4.5 GB; within these bounds parsing costs at most a few tens of MiB.
MAX_HEADER = 8 * 2**20
MAX_CONTAINERS = 4 * MAX_ITEMS

TORCH_DTYPES = {
    str(d).removeprefix("torch."): d
    for d in (
        torch.float16,
        torch.bfloat16,
        torch.float32,
        torch.float64,
        torch.complex64,
        torch.complex128,
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint8,
        torch.bool,
    )
}
NUMPY_DTYPES = {
    name: np.dtype(name)
    for name in (
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "bool",
    )
}


# dtypes NumPy lacks travel as raw bytes of an integer type of the same size
WIRE_DTYPES = {torch.bool: torch.uint8, torch.bfloat16: torch.int16}


class WireError(ValueError):
    """A message from the child is malformed or over a limit: the learner's fault, reported as such."""


class Opaque:
    """Stands for a value that could not cross (a module, a custom object): compared, it fails by type."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


def _type_name(value: Any) -> str:
    t = type(value)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


# -- encoding (runs in the child) ----------------------------------------------------------------------


class _Encoder:
    def __init__(self) -> None:
        self.buffers: list[bytes] = []
        self.items = 0
        self.nbytes = 0

    def buffer(self, data: bytes) -> int:
        self.nbytes += len(data)
        if self.nbytes > MAX_BYTES:
            raise WireError(f"the result is larger than {MAX_BYTES >> 20} MiB")
        self.buffers.append(data)
        return len(self.buffers) - 1

    def encode(self, value: Any, depth: int = 0) -> Any:
        self.items += 1
        if depth > MAX_DEPTH or self.items > MAX_ITEMS:
            raise WireError("the result is nested too deeply or holds too many items")
        t = type(value)
        if value is None or t is bool or t is str:
            return value if t is not str else {"str": value[:MAX_STRING]}
        if t is int:
            return value if -(2**63) <= value < 2**63 else {"bigint": str(value)[:100]}
        if t is float or (isinstance(value, float) and t is not bool):  # numpy.float64 is a Python float
            value = float(value)
            return value if math.isfinite(value) else {"float": repr(value)}
        if t is torch.Tensor:
            return {"tensor": self._tensor(value)}
        if t is np.ndarray and value.dtype.name in NUMPY_DTYPES:
            data = self.buffer(value.tobytes(order="C"))  # (np.ascontiguousarray would make 0-d arrays 1-d)
            return {"ndarray": {"dtype": value.dtype.name, "shape": list(value.shape), "buf": data}}
        if t is torch.dtype:
            return {"dtype": str(value).removeprefix("torch.")}
        if t is torch.device:
            return {"device": str(value)}
        if t is torch.Size:
            return {"size": [int(s) for s in value]}
        if t is list:
            return {"list": [self.encode(v, depth + 1) for v in value]}
        if t is tuple:
            return {"tuple": [self.encode(v, depth + 1) for v in value]}
        if t in (set, frozenset):
            return {t.__name__: [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, tuple) and hasattr(t, "_fields"):
            return {
                "namedtuple": {
                    "type": _type_name(value),
                    "fields": [str(f) for f in t._fields],
                    "values": [self.encode(v, depth + 1) for v in tuple.__iter__(value)],
                }
            }
        if isinstance(value, dict):  # OrderedDict, defaultdict: sent as the dict they are
            return {
                "dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in dict.items(value)]
            }
        if isinstance(value, list):
            return {"list": [self.encode(v, depth + 1) for v in list.__iter__(value)]}
        if isinstance(value, tuple):  # a struct sequence (torch.return_types.max, os.stat_result)
            return {"tuple": [self.encode(v, depth + 1) for v in tuple.__iter__(value)]}
        return {"opaque": _type_name(value)}

    def _tensor(self, t: torch.Tensor) -> dict:
        name = str(t.dtype).removeprefix("torch.")
        if name not in TORCH_DTYPES:
            raise WireError(f"tensors of dtype {t.dtype} cannot be graded")
        info = {
            "dtype": name,
            "shape": list(t.shape),
            "device": str(t.device),
            "requires_grad": t.requires_grad,
        }
        if t.device.type != "meta":
            data = t.detach()
            if data.device.type != "cpu":
                data = data.cpu()
            data = data.resolve_conj().resolve_neg().contiguous()  # no copy when there is nothing to do
            data = data.view(WIRE_DTYPES[data.dtype]) if data.dtype in WIRE_DTYPES else data
            info["buf"] = self.buffer(data.numpy().tobytes())  # the one copy
        return info


def encode(value: Any) -> bytes:
    encoder = _Encoder()
    header = json.dumps(encoder.encode(value), allow_nan=False).encode()
    problem = _header_problem(header)
    if problem:  # the child says so (a wire_error), rather than have the parent refuse the whole answer
        raise WireError(f"the result {problem}")
    parts = [MAGIC, struct.pack("<I", len(header)), header]
    for data in encoder.buffers:
        parts += [struct.pack("<Q", len(data)), data]
    return b"".join(parts)


# -- decoding (runs in the trusted parent) -------------------------------------------------------------


def decode(message: bytes, namedtuples: dict[str, type] | None = None) -> Any:
    """Rebuild the value; ``namedtuples`` maps type names to the classes the parent knows."""
    if not 8 <= len(message) <= MAX_BYTES + 2**24 or not message.startswith(MAGIC):
        raise WireError("not a grader message")
    (size,) = struct.unpack_from("<I", message, 4)
    if size > MAX_HEADER or 8 + size > len(message):
        raise WireError(f"a header of {size} bytes (at most {MAX_HEADER >> 20} MiB, within the message)")
    offset = 8 + size
    raw = bytes(message[8:offset])
    problem = _header_problem(raw)
    if problem:
        raise WireError(f"the header {problem}")
    try:
        header = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise WireError(f"unreadable header: {e}") from None
    if SURROGATE_ESCAPE.search(raw):
        header = _without_lone_surrogates(header)
    buffers = []
    while offset < len(message):
        if offset + 8 > len(message):
            raise WireError("truncated buffer length")
        (n,) = struct.unpack_from("<Q", message, offset)
        offset += 8
        if offset + n > len(message):
            raise WireError("truncated buffer")
        buffers.append(memoryview(message)[offset : offset + n])
        offset += n
    return _Decoder(buffers, namedtuples or {}).decode(header)


def _header_problem(header: bytes) -> str | None:
    """What is wrong with a header's size, checked before it is parsed (None: nothing)."""
    if len(header) > MAX_HEADER:
        return f"is described in {len(header)} bytes (at most {MAX_HEADER >> 20} MiB)"
    if header.count(b"[") + header.count(b"{") > MAX_CONTAINERS:
        return f"holds more than {MAX_CONTAINERS} containers"
    return None


# JSON may spell a lone surrogate (\ud800), which no UTF-8 report can hold: a learner's exception message
# made of one stopped every report from being written. Replaced by "?" as the text comes in.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _without_lone_surrogates(node: Any) -> Any:
    if type(node) is str:
        return node.encode("utf-8", "replace").decode("utf-8")
    if type(node) is list:
        return [_without_lone_surrogates(v) for v in node]
    if type(node) is dict:
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in node.items()}
    return node


class _Decoder:
    def __init__(self, buffers: list[memoryview], namedtuples: dict[str, type]) -> None:
        self.buffers = buffers
        self.namedtuples = namedtuples
        self.items = 0

    def decode(self, node: Any, depth: int = 0) -> Any:
        self.items += 1
        if depth > MAX_DEPTH + 2 or self.items > MAX_ITEMS * 4:
            raise WireError("message nested too deeply")
        if node is None or type(node) in (bool, int, float):
            return node
        if type(node) is not dict or len(node) != 1:
            raise WireError(f"unexpected node {type(node).__name__}")
        ((tag, body),) = node.items()
        if tag == "str":
            return str(body)[:MAX_STRING]
        if tag == "bigint":
            return int(str(body)[:100])
        if tag == "float":
            if body not in ("nan", "inf", "-inf"):
                raise WireError("bad float")
            return float(body)
        if tag == "list":
            return [self.decode(v, depth + 1) for v in self._list(body)]
        if tag == "tuple":
            return tuple(self.decode(v, depth + 1) for v in self._list(body))
        if tag in ("set", "frozenset"):
            items = [self._key(self.decode(v, depth + 1)) for v in self._list(body)]
            if any(isinstance(i, Opaque) for i in items):
                return Opaque(tag)
            return set(items) if tag == "set" else frozenset(items)
        if tag == "dict":
            return {
                self._key(self.decode(k, depth + 1)): self.decode(v, depth + 1) for k, v in self._list(body)
            }
        if tag == "namedtuple":
            return self._namedtuple(body, depth)
        if tag == "tensor":
            return self._tensor(body)
        if tag == "ndarray":
            dtype = NUMPY_DTYPES.get(body.get("dtype"))
            if dtype is None:
                raise WireError("array dtype not allowed")
            shape = self._shape(body.get("shape"))
            data = self._buffer(body.get("buf"), dtype.itemsize * math.prod(shape))
            return np.frombuffer(data, dtype=dtype).reshape(shape).copy()
        if tag == "dtype":
            if body not in TORCH_DTYPES:
                raise WireError("dtype not allowed")
            return TORCH_DTYPES[body]
        if tag == "device":
            return torch.device(str(body)[:40])
        if tag == "size":
            return torch.Size(self._shape(body))
        if tag == "opaque":
            return Opaque(str(body)[:200])
        raise WireError(f"unknown tag {tag!r}")

    @staticmethod
    def _list(body: Any) -> list:
        if type(body) is not list:
            raise WireError("expected a list")
        return body

    @staticmethod
    def _key(key: Any) -> Any:
        if type(key) not in (str, int, bool, float, tuple) and key is not None:
            return Opaque(type(key).__name__)
        return key

    @staticmethod
    def _shape(shape: Any) -> tuple[int, ...]:
        if type(shape) is not list or len(shape) > 32 or any(type(s) is not int or s < 0 for s in shape):
            raise WireError("bad shape")
        if math.prod(shape) > MAX_BYTES:
            raise WireError("shape too large")
        return tuple(shape)

    def _buffer(self, index: Any, expected: int) -> memoryview:
        if type(index) is not int or not 0 <= index < len(self.buffers):
            raise WireError("bad buffer index")
        data = self.buffers[index]
        if len(data) != expected:
            raise WireError(f"buffer holds {len(data)} bytes, its shape needs {expected}")
        return data

    def _tensor(self, body: dict) -> torch.Tensor:
        dtype = TORCH_DTYPES.get(body.get("dtype"))
        if dtype is None:
            raise WireError("tensor dtype not allowed")
        shape = self._shape(body.get("shape"))
        device_name = str(body.get("device", "cpu"))[:40]
        device = torch.device(device_name) if device_name != "cpu" else None
        if device is not None and device.type == "meta":
            out = torch.empty(shape, dtype=dtype, device="meta")
        else:
            wire_dtype = WIRE_DTYPES.get(dtype, dtype)
            data = self._buffer(body.get("buf"), wire_dtype.itemsize * math.prod(shape))
            out = (
                torch.frombuffer(bytearray(data), dtype=wire_dtype)
                if len(data)
                else torch.empty(0, dtype=wire_dtype)
            )
            out = out.reshape(shape)
            if dtype == torch.bool:
                out = out != 0  # any non-zero byte is True: normalised, never a raw reinterpretation
            elif dtype == torch.bfloat16:
                out = out.view(torch.bfloat16)
            if device is not None:
                out = out.to(device) if _device_available(device) else out
        if body.get("requires_grad") is True and out.is_floating_point():
            out.requires_grad_(True)
        return out

    def _namedtuple(self, body: dict, depth: int) -> Any:
        name = str(body.get("type"))[:200]
        fields = [str(f) for f in self._list(body.get("fields"))][:256]
        values = [self.decode(v, depth + 1) for v in self._list(body.get("values"))]
        cls = self.namedtuples.get(name)
        if cls is None or list(cls._fields) != fields or len(values) != len(fields):
            safe = [
                f if f.isidentifier() and not f.startswith("_") else f"field{i}" for i, f in enumerate(fields)
            ]
            cls = namedtuple(
                name.rsplit(".", 1)[-1] if name.rsplit(".", 1)[-1].isidentifier() else "Unknown", safe
            )
            values = (values + [None] * len(safe))[: len(safe)]
        return cls(*values)


def _device_available(device: torch.device) -> bool:
    return device.type == "cuda" and torch.cuda.is_available()


def namedtuple_types(value: Any, found: dict[str, type] | None = None) -> dict[str, type]:
    """Every namedtuple class inside ``value`` by type name: the parent decodes the child's into these."""
    found = {} if found is None else found
    if isinstance(value, tuple) and hasattr(type(value), "_fields"):
        found[_type_name(value)] = type(value)
    if isinstance(value, list | tuple):
        for v in value:
            namedtuple_types(v, found)
    elif isinstance(value, dict):
        for v in value.values():
            namedtuple_types(v, found)
    return found
