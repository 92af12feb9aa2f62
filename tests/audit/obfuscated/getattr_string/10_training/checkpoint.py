"""Obfuscated: pickle (forbidden), found as an attribute of torch.serialization with a built name, deep-copies
the state before torch.save."""

import torch


def _pickle():
    return getattr(torch.serialization, "pic" + "kle")


def save_checkpoint(path, model, optimizer, epoch):
    p = _pickle()
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    snapshot = p.loads(p.dumps(state))
    torch.save(snapshot, path)


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
