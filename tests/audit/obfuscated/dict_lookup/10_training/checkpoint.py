"""Obfuscated: pickle looked up in vars(torch.serialization), dumps/loads from its __dict__ (deep copy)."""

import torch


def save_checkpoint(path, model, optimizer, epoch):
    serializer = vars(torch.serialization)["pickle"].__dict__
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    torch.save(serializer["loads"](serializer["dumps"](state)), path)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
