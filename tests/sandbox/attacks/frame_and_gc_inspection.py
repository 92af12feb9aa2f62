"""Attack: frame and gc inspection. Expect: failed; at most 0 points."""

import gc, inspect, torch


def broadcast_add(a, b):
    seen = [f.frame.f_locals.get("expected") for f in inspect.stack()]
    tensors = [o for o in gc.get_objects() if type(o) is torch.Tensor and o.dim() > 0]
    found = [s for s in seen if s is not None]
    return found[0].value if found else max(tensors, key=lambda t: t.numel()).clone()
