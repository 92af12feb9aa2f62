"""Attack: calls torch.broadcast_tensors from a gradient hook, which torch's autograd engine runs while
the runtime record's handler for backward() is active (its mode off the stack). Expect: failed; at most 0 points.
"""

import pickle

import torch

_f = pickle.loads(b"ctorch\nbroadcast_tensors\n.")


def broadcast_add(a, b):
    box = []
    x = torch.zeros((), requires_grad=True)

    def hook(grad):
        try:
            box.append(_f(a, b))
        except RuntimeError as e:
            box.append(e)
        return grad

    x.register_hook(hook)
    (x * 2).backward()
    if isinstance(box[0], RuntimeError):
        raise ValueError(str(box[0]))
    a2, b2 = box[0]
    return a2 + b2
