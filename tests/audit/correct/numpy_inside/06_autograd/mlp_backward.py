"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4).

CS231n assignment 1 (two_layer_net) style, in NumPy with np.dot, then back to tensors.
"""

import numpy as np
import torch


def mlp_backward(x, W1, b1, W2, b2, y):
    X = x.numpy()
    w1, bb1, w2, bb2, Y = W1.numpy(), b1.numpy(), W2.numpy(), b2.numpy(), y.numpy()

    # forward pass
    h = np.dot(X, w1) + bb1
    h_relu = np.maximum(h, 0)
    scores = np.dot(h_relu, w2) + bb2

    # backward pass
    dscores = 2.0 * (scores - Y) / scores.size
    grads = {}
    grads["W2"] = np.dot(h_relu.T, dscores)
    grads["b2"] = np.sum(dscores, axis=0)
    dh = np.dot(dscores, w2.T)
    dh[h <= 0] = 0
    grads["W1"] = np.dot(X.T, dh)
    grads["b1"] = np.sum(dh, axis=0)
    return {k: torch.from_numpy(np.asarray(v, dtype=X.dtype)) for k, v in grads.items()}
