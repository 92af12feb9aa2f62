"""Attack: reaches torch.broadcast_tensors through pickle and functools.singledispatch, so the static
analysis sees no name and the runtime record saw only functools' frame calling it. Expect: failed; at most 0 points.

Found by an attacker reading the grader: the runtime record stopped at the first frame of a library other
than the API's, so any pure-Python helper of the standard library hid the call.
"""

import functools
import pickle

import torch

_f = pickle.loads(b"ctorch\nbroadcast_tensors\n.")
_g = functools.singledispatch(_f)


def broadcast_add(a, b):
    try:
        a2, b2 = _g(a, b)
    except RuntimeError as e:
        raise ValueError(str(e)) from None
    return a2 + b2
