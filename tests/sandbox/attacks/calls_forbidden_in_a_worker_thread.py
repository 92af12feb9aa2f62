"""Attack: hands torch.broadcast_tensors to a worker thread (asyncio.to_thread), where the runtime record
(its TorchFunctionMode is per thread) never looks. Expect: failed; at most 0 points.
"""

import asyncio
import pickle

_f = pickle.loads(b"ctorch\nbroadcast_tensors\n.")


def broadcast_add(a, b):
    try:
        a2, b2 = asyncio.run(asyncio.to_thread(_f, a, b))
    except RuntimeError as e:
        raise ValueError(str(e)) from None
    return a2 + b2
