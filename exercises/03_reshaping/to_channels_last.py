"""Exercise to_channels_last — Channels last (seed 000 §2.5).

Rearrange an (N, C, H, W) tensor into (N, H, W, C) so that out[n, h, w, c] == x[n, c, h, w].

把 (N, C, H, W) 的张量重新排列成 (N, H, W, C)，使 out[n, h, w, c] == x[n, c, h, w]。

Check your work: pytest exercises/ -k to_channels_last
"""

import torch


def to_channels_last(x: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("exercise to_channels_last: replace this line with your code")
