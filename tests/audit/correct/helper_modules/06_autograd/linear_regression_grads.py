"""Exercise linear_regression_grads — Linear regression gradients, by hand (seed 002 §3.3).

Reuses my Linear layer from mlp_layers.py: w as a (d, 1) column, b as a (1,) vector, y as (n, 1).
"""

from mlp_layers import Linear, mse_loss


def linear_regression_grads(X, y, w, b):
    pred, cache = Linear.forward(X, w.unsqueeze(1), b.reshape(1))
    _, dpred = mse_loss(pred, y.unsqueeze(1))
    _, dw, db = Linear.backward(dpred, cache)
    return dw.squeeze(1), db.reshape(())
