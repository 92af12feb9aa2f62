"""Attack: a thread pool started at import (before any call is recorded) runs the learner's own function,
which calls torch.broadcast_tensors there, out of the runtime record's sight. Expect: failed; at most 0 points.
"""

import asyncio
import pickle

_f = pickle.loads(b"ctorch\nbroadcast_tensors\n.")
_loop = asyncio.new_event_loop()
_loop.run_until_complete(asyncio.to_thread(int))  # the default executor's thread starts now


def _add(a, b):
    try:
        a2, b2 = _f(a, b)
    except RuntimeError as e:
        return e
    return a2 + b2


def broadcast_add(a, b):
    out = _loop.run_until_complete(_loop.run_in_executor(None, _add, a, b))
    if isinstance(out, RuntimeError):
        raise ValueError(str(out))
    return out
