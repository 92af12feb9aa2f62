"""Detaches and moves to the CPU, but also converts to float32: int and bool tensors change dtype."""


def to_numpy(t):
    return t.detach().cpu().float().numpy()
