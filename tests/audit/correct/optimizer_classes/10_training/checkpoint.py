"""Exercise checkpoint — Save and resume training (seed 001 §7).

A TrainingState class with its own state_dict() / load_state_dict(), the way Lightning-style trainers
bundle model, optimizer and epoch; the file holds only tensors, numbers and strings.
"""

import torch


class TrainingState:
    def __init__(self, model, optimizer, epoch=0):
        self.model = model
        self.optimizer = optimizer
        self.epoch = epoch

    def state_dict(self):
        return {
            "epoch": self.epoch,
            "model_state_dict": self.model.state_dict(),
            "optimizer_state_dict": self.optimizer.state_dict(),
        }

    def load_state_dict(self, state):
        self.model.load_state_dict(state["model_state_dict"])
        self.optimizer.load_state_dict(state["optimizer_state_dict"])
        self.epoch = int(state["epoch"])

    def save(self, path):
        torch.save(self.state_dict(), path)

    @classmethod
    def restore(cls, path, model, optimizer):
        state = cls(model, optimizer)
        state.load_state_dict(torch.load(path, weights_only=True))
        return state


def save_checkpoint(path, model, optimizer, epoch):
    TrainingState(model, optimizer, epoch).save(path)


def load_checkpoint(path, model, optimizer):
    return TrainingState.restore(path, model, optimizer).epoch
