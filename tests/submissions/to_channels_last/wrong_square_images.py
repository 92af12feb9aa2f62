"""Moves C last with transpose(1, 3), then swaps H and W back only when the shape shows them swapped:
on a square image (H == W) the swap is skipped and every image comes out mirrored on its diagonal."""


def to_channels_last(x):
    out = x.transpose(1, 3)  # (N, W, H, C)
    if out.shape[1:3] != x.shape[2:4]:  # H and W came out swapped: put them back
        out = out.transpose(1, 2)
    return out
