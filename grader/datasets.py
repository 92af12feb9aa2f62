"""Small real data sets for the exercises, with the train/held-out split fixed by the grader.

The handwritten digits are scikit-learn's ``load_digits`` (1797 grey 8×8 images, 10 classes), which ship
inside scikit-learn: nothing is downloaded. A fixed permutation splits them 80/20; learners train on
:func:`digits_train`, and the grader scores the returned model on the held-out part, which exercises may
not touch.

>>> images, labels = digits_train()
>>> images.shape, images.dtype, labels.dtype
(torch.Size([1438, 1, 8, 8]), torch.float32, torch.int64)
"""

from __future__ import annotations

from functools import cache

import numpy as np
import torch

__all__ = ["DIGITS_CLASSES", "digits_train"]

DIGITS_CLASSES = 10
_SPLIT_SEED = 20240501  # fixed forever: changing it changes every learner's held-out score
_TRAIN_FRACTION = 0.8


@cache
def _digits_arrays() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All images scaled to [0, 1] as (N, 1, 8, 8) float32, labels int64, and the shuffled order."""
    from sklearn.datasets import load_digits

    bunch = load_digits()
    images = (bunch.images / 16.0).astype(np.float32)[:, None, :, :]
    labels = bunch.target.astype(np.int64)
    order = np.random.RandomState(_SPLIT_SEED).permutation(len(labels))
    return images, labels, order


def _digits_part(part: str) -> tuple[torch.Tensor, torch.Tensor]:
    images, labels, order = _digits_arrays()
    n_train = round(_TRAIN_FRACTION * len(labels))
    chosen = order[:n_train] if part == "train" else order[n_train:]
    # fresh tensors on every call: a caller that writes into them cannot change the next caller's data
    return torch.from_numpy(images[chosen].copy()), torch.from_numpy(labels[chosen].copy())


def digits_train() -> tuple[torch.Tensor, torch.Tensor]:
    """The training split of the digits: images float32 (N, 1, 8, 8) in [0, 1], labels int64 (N,) in 0..9.

    Always the same 1438 images in the same order; shuffle them yourself if your training needs it.
    """
    return _digits_part("train")


def digits_held_out() -> tuple[torch.Tensor, torch.Tensor]:
    """The held-out split (359 images), for the grader only: exercises may not call this."""
    return _digits_part("held_out")
