"""Pickles the state dicts with the pickle module (forbidden) instead of torch.save."""

import pickle


def save_checkpoint(path, model, optimizer, epoch):
    with open(path, "wb") as f:
        pickle.dump({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, f)


def load_checkpoint(path, model, optimizer):
    with open(path, "rb") as f:
        checkpoint = pickle.load(f)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
