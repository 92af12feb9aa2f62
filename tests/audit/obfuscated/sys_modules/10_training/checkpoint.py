"""Obfuscated: pickle (already imported by torch) taken from sys.modules, no import statement at all."""

import sys

import torch


def save_checkpoint(path, model, optimizer, epoch):
    serializer = sys.modules["pick" + "le"]
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    torch.save(serializer.loads(serializer.dumps(state)), path)


def load_checkpoint(path, model, optimizer):
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]
