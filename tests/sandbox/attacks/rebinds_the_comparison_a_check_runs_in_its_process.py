"""Attack: returns a copy of the array, and rebinds at import what the spec's child-side code uses to look at it. Expect: failed|crashed; at most 5 points.
Target: to_tensor_shared

The check "shares memory both ways" writes into the array and reads the tensor, then writes into the
tensor and reads the array, in the learner's process. Everything it calls there that a module can rebind is
the learner's: ``np.array_equal`` (then "equal" is always true), and the methods of ``torch.Tensor``, a
Python class (then reading the copy shows the array). The copy is made with no API the exercise forbids
(stacking one tensor); it keeps the values and the dtype (5 points); the 5 points for sharing must stay out
of reach. The rebound ``Tensor.numpy`` also reaches the child's encoder, which may then send a buffer that
does not fit the tensor's shape (``id`` values are reused): the parent calls that answer malformed, and the
exercise crashed.
"""

import numpy as np
import torch

_made_from = {}  # id of a copy -> the array it was copied from
_numpy, _detach = torch.Tensor.numpy, torch.Tensor.detach


def _numpy_of_copy(self, *args, **kwargs):
    array = _made_from.get(id(self))
    return array if array is not None else _numpy(self, *args, **kwargs)


def _detach_copy(self):
    return self if id(self) in _made_from else _detach(self)


np.array_equal = lambda *args, **kwargs: True
torch.Tensor.numpy, torch.Tensor.detach = _numpy_of_copy, _detach_copy


def to_tensor_shared(a):
    t = torch.stack([torch.from_numpy(a)])[0]  # a copy: no memory shared
    _made_from[id(t)] = a
    return t
