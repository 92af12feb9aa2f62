"""Detaches, moves to the CPU, then converts: the explicit spelling of numpy(force=True)."""


def to_numpy(t):
    return t.detach().cpu().numpy()
