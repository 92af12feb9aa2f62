"""Exercise patchify — Cut an image into patches (seed 000 §2.5).

ViT-style: a PatchEmbed layer whose forward cuts the image (no projection here, just the patches).
"""

import torch
from torch import nn


class PatchEmbed(nn.Module):
    def __init__(self, patch_size: int):
        super().__init__()
        self.patch_size = patch_size

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        p = self.patch_size
        C, H, W = img.shape
        if H % p or W % p:
            raise ValueError(f"p={p} does not divide H={H} and W={W}")
        x = img.reshape(C, H // p, p, W // p, p)
        x = x.permute(1, 3, 0, 2, 4)  # (gh, gw, C, p, p)
        return x.flatten(2).flatten(0, 1)  # (gh*gw, C*p*p)


def patchify(img: torch.Tensor, p: int) -> torch.Tensor:
    return PatchEmbed(p)(img)
