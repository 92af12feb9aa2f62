"""Exercise checkpoint — Save and resume training (seed 001 §7).

A CheckpointManager that writes atomically (to a temporary file next to the target, then os.replace), so
a crash mid-save never leaves a half-written checkpoint.
"""

import os
import tempfile

import torch


class CheckpointManager:
    def __init__(self, path):
        self.path = os.fspath(path)

    def save(self, model, optimizer, epoch):
        state = {"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict()}
        directory = os.path.dirname(os.path.abspath(self.path))
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                torch.save(state, f)
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise

    def load(self, model, optimizer):
        state = torch.load(self.path, weights_only=True)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        return state["epoch"]


def save_checkpoint(path, model, optimizer, epoch):
    CheckpointManager(path).save(model, optimizer, epoch)


def load_checkpoint(path, model, optimizer):
    return CheckpointManager(path).load(model, optimizer)
