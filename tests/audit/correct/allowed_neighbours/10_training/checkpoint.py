"""Exercise checkpoint — Save and resume training (seed 001 §7).

A copy.deepcopy snapshot (so later training steps cannot change what is written; deepcopy uses copyreg
inside the standard library, not in my code), saved through an io.BytesIO buffer.
"""

import copy
import io

import torch


def save_checkpoint(path, model, optimizer, epoch):
    snapshot = copy.deepcopy({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch})
    buffer = io.BytesIO()
    torch.save(snapshot, buffer)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())


def load_checkpoint(path, model, optimizer):
    with open(path, "rb") as f:
        state = torch.load(io.BytesIO(f.read()), weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
