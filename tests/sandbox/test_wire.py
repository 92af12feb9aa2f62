"""grader.sandbox.wire: plain data crosses back, checked; nothing else does."""

import math
import struct
from collections import OrderedDict, defaultdict, namedtuple

import numpy as np
import pytest
import torch

from grader.sandbox import wire

Pair = namedtuple("Pair", "first second")


def roundtrip(value, namedtuples=None):
    return wire.decode(wire.encode(value), namedtuples)


@pytest.mark.parametrize("dtype", list(wire.TORCH_DTYPES.values()))
def test_tensors_keep_dtype_shape_values_and_grad_flag(dtype) -> None:
    t = (torch.arange(6) % 3).to(dtype).reshape(2, 3).t()  # non-contiguous
    out = roundtrip(t)
    assert type(out) is torch.Tensor and out.dtype == dtype and out.shape == (3, 2)
    assert torch.equal(out, t)


def test_requires_grad_zero_d_empty_and_meta() -> None:
    assert roundtrip(torch.ones(2, requires_grad=True)).requires_grad
    assert roundtrip(torch.tensor(2.5)).shape == ()
    assert roundtrip(torch.empty(0, 3)).shape == (0, 3)
    meta = roundtrip(torch.empty(4, 5, device="meta"))
    assert meta.device.type == "meta" and meta.shape == (4, 5)


def test_arrays_and_scalars() -> None:
    a = np.arange(6, dtype=np.int32).reshape(2, 3)[:, ::2]
    out = roundtrip(a)
    assert type(out) is np.ndarray and out.dtype == np.int32 and np.array_equal(out, a)
    assert roundtrip(np.array(7.5)).shape == ()
    value = roundtrip([1, 2.5, math.inf, None, True, "x", (1, 2), {"k": {3}}, torch.float64, torch.Size([2])])
    assert value[:6] == [1, 2.5, math.inf, None, True, "x"] and value[6] == (1, 2) and value[7] == {"k": {3}}
    assert value[8] is torch.float64 and type(value[9]) is torch.Size
    assert math.isnan(roundtrip(math.nan))


def test_namedtuples_become_the_parents_class_when_known() -> None:
    assert type(roundtrip(Pair(1, 2), wire.namedtuple_types([Pair(0, 0)]))) is Pair
    assert type(roundtrip(Pair(1, 2))) is not Pair  # unknown to the parent: a look-alike that fails by type


class Sub(torch.Tensor):
    pass


class Rigged:
    def __eq__(self, other):
        return True


def test_subclasses_and_objects_cross_as_opaque_type_names() -> None:
    assert isinstance(roundtrip(torch.zeros(2).as_subclass(Sub)), wire.Opaque)
    assert isinstance(roundtrip(Rigged()), wire.Opaque)
    assert isinstance(roundtrip(torch.nn.Linear(2, 2)), wire.Opaque)
    assert isinstance(roundtrip(np.zeros(2).view(np.recarray)), wire.Opaque)


def test_subclasses_of_dict_list_and_tuple_cross_as_what_they_are() -> None:
    """A learner's OrderedDict, defaultdict or torch.return_types.max is a dict or a tuple, not an opaque
    object (that failed correct answers); a namedtuple keeps its fields."""
    assert roundtrip(OrderedDict(a=1, b=[2])) == {"a": 1, "b": [2]}
    assert type(roundtrip(defaultdict(list, a=[1]))) is dict
    values, indices = roundtrip(torch.tensor([[1.0, 5.0], [3.0, 2.0]]).max(0))
    assert values.tolist() == [3.0, 5.0] and indices.tolist() == [1, 0]

    class Row(list):
        def __iter__(self):  # an override never runs in the parent, nor changes what is sent
            return iter([666])

    assert roundtrip(Row([1, 2])) == [1, 2]


def test_bools_are_normalised_not_reinterpreted() -> None:
    message = bytearray(wire.encode(torch.tensor([True, False])))
    message[-2] = 7  # a "bool" byte that is neither 0 nor 1
    assert roundtrip(torch.tensor([True])).dtype == torch.bool
    assert wire.decode(bytes(message)).tolist() == [True, False]


def test_malformed_messages_are_refused() -> None:
    good = wire.encode(torch.ones(4))
    with pytest.raises(wire.WireError):
        wire.decode(b"junk" + good)
    with pytest.raises(wire.WireError):
        wire.decode(good[:-3])  # a buffer shorter than its shape needs
    header = b'{"tensor": {"dtype": "object", "shape": [1], "buf": 0}}'
    with pytest.raises(wire.WireError):
        wire.decode(wire.MAGIC + struct.pack("<I", len(header)) + header)
    header = b'{"pickle": "gASV"}'
    with pytest.raises(wire.WireError):
        wire.decode(wire.MAGIC + struct.pack("<I", len(header)) + header)


def test_limits_on_depth_and_size() -> None:
    deep: list = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(wire.WireError):
        wire.encode(deep)
    assert len(roundtrip("x" * (wire.MAX_STRING * 2))) == wire.MAX_STRING


def test_a_short_or_truncated_message_is_a_wire_error_not_a_struct_error() -> None:
    good = wire.encode([torch.ones(2)])
    for broken in (wire.MAGIC, wire.MAGIC + b"\x00", good + b"\x01\x02"):
        with pytest.raises(wire.WireError):
            wire.decode(broken)


def _message(header: bytes) -> bytes:
    return wire.MAGIC + struct.pack("<I", len(header)) + header


def test_a_header_is_bounded_before_it_is_parsed(monkeypatch) -> None:
    """A 150 MB header of empty lists took the parent to 4.5 GB: size and containers are checked first."""
    parsed = []
    monkeypatch.setattr(wire.json, "loads", lambda raw: parsed.append(raw))
    big = b'{"list": [' + b"[]," * (wire.MAX_HEADER // 3) + b"[]]}"
    with pytest.raises(wire.WireError, match="MiB"):
        wire.decode(_message(big))
    many = b'{"list": [' + b"[]," * wire.MAX_CONTAINERS + b"[]]}"
    assert len(many) < wire.MAX_HEADER
    with pytest.raises(wire.WireError, match="containers"):
        wire.decode(_message(many))
    with pytest.raises(wire.WireError, match="within the message"):
        wire.decode(wire.MAGIC + struct.pack("<I", 1000) + b"{}")  # a header longer than the message
    assert parsed == []


def test_the_encoder_keeps_to_the_header_bounds_so_the_child_reports_it() -> None:
    with pytest.raises(wire.WireError, match="containers"):
        wire.encode(["[" * 10_000] * 50)  # brackets inside strings count too (refusing errs on the safe side)
    with pytest.raises(wire.WireError, match="MiB"):
        wire.encode(["x" * (wire.MAX_STRING - 1)] * 500)
    assert len(wire.decode(wire.encode(list(range(wire.MAX_ITEMS - 1))))) == wire.MAX_ITEMS - 1


def test_a_huge_header_costs_the_parent_little_memory(tmp_path) -> None:
    """Measured in a fresh process: its peak RSS decoding a 150 MB header stays near its size."""
    import subprocess
    import sys

    script = (
        "import resource, struct\n"
        "from grader.sandbox import wire\n"
        "h = b'{\"list\": [' + b'[],' * 50_000_000 + b'[]]}'\n"
        "m = wire.MAGIC + struct.pack('<I', len(h)) + h\n"
        "del h\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    wire.decode(m)\nexcept wire.WireError:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    grown_kib = int(subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout)
    assert grown_kib < 64 * 1024
