"""Exercise linear_regression_grads — Linear regression gradients, by hand (seed 002 §3.3).

NumPy version of the derivation (X.T.dot(r) as in the cs229 notes), converted back at the end.
"""

import numpy as np
import torch


def linear_regression_grads(X, y, w, b):
    X_, y_, w_, b_ = X.numpy(), y.numpy(), w.numpy(), b.numpy()
    n = X_.shape[0]
    r = X_.dot(w_) + b_ - y_
    dr = 2 * r / n
    grad_w = X_.T.dot(dr)
    grad_b = dr.sum()
    return torch.from_numpy(np.asarray(grad_w, dtype=X_.dtype)), torch.from_numpy(np.asarray(grad_b, dtype=X_.dtype))
