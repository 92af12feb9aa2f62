"""Mean and sample std accumulated in float64 (two-pass) and cast back; max and first argmax by torch."""


def column_stats(x):
    wide = x.double()
    n = x.shape[0]
    mean = wide.sum(dim=0) / n
    std = ((wide - mean).square().sum(dim=0) / (n - 1)).sqrt()
    return mean.to(x.dtype), std.to(x.dtype), x.amax(dim=0), x.argmax(dim=0)
