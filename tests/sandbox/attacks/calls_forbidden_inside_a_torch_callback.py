"""Attack: calls torch.broadcast_tensors from a function torch calls back (Tensor.apply_), where the
runtime record's TorchFunctionMode is off the stack. Expect: failed; at most 0 points.

The static analysis sees no forbidden name (the function comes out of pickle at import, when nothing is
recorded); torch runs apply_'s callback while the mode's handler is active, so the mode never sees it.
"""

import pickle

import torch

_f = pickle.loads(b"ctorch\nbroadcast_tensors\n.")


def broadcast_add(a, b):
    box = []
    torch.zeros(1).apply_(lambda v: box.append(_f(a, b)) or v)
    try:
        a2, b2 = box[0]
    except RuntimeError as e:
        raise ValueError(str(e)) from None
    return a2 + b2
