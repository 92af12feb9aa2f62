"""Exercise matmul — Matrix multiplication by hand (seed 000 §2.3).

Written like the MatMul layer of "Deep Learning from Scratch 2" (a layer with params, forward and
backward), except that forward builds the product from elementwise products and a sum.
"""

import torch


class MatMul:
    def __init__(self, W):
        self.params = [W]
        self.grads = [torch.zeros_like(W)]
        self.x = None

    def forward(self, x):
        (W,) = self.params
        if x.shape[1] != W.shape[0]:
            raise ValueError(f"shapes {tuple(x.shape)} and {tuple(W.shape)} cannot be multiplied")
        self.x = x
        # out[i, j] = sum_p x[i, p] * W[p, j]
        return (x[:, :, None] * W[None, :, :]).sum(dim=1)

    def backward(self, dout):
        (W,) = self.params
        dx = (dout[:, None, :] * W[None, :, :]).sum(dim=2)  # dout · Wᵀ
        dW = (self.x[:, :, None] * dout[:, None, :]).sum(dim=0)  # xᵀ · dout
        self.grads[0][...] = dW
        return dx


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    layer = MatMul(b)
    return layer.forward(a)
