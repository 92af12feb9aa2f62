"""Exercise mlp_backward — Backpropagation through a small MLP, by hand (seed 000 §3.4).

The layers are in mlp_layers.py (Linear, ReLU, each with a static forward and backward).
"""

from mlp_layers import Linear, ReLU, mse_loss


def mlp_backward(x, W1, b1, W2, b2, y):
    h, fc1_cache = Linear.forward(x, W1, b1)
    a, relu_cache = ReLU.forward(h)
    scores, fc2_cache = Linear.forward(a, W2, b2)
    loss, dscores = mse_loss(scores, y)

    grads = {}
    da, grads["W2"], grads["b2"] = Linear.backward(dscores, fc2_cache)
    dh = ReLU.backward(da, relu_cache)
    _, grads["W1"], grads["b1"] = Linear.backward(dh, fc1_cache)
    return grads
