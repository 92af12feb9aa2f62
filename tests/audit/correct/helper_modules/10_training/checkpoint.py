"""Exercise checkpoint — Save and resume training (seed 001 §7). The layout is in ckpt_io.py."""

import torch

from ckpt_io import pack, read, unpack


def save_checkpoint(path, model, optimizer, epoch):
    torch.save(pack(model, optimizer, epoch), path)


def load_checkpoint(path, model, optimizer):
    return unpack(read(path), model, optimizer)
