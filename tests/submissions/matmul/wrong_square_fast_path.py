"""A "fast path" for a square a walks a's columns instead of its rows: a.T @ b, right only when a is
symmetric."""


def matmul(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} do not match")
    if a.shape[0] == a.shape[1]:
        # square: column j of a times row j of b, summed over j
        return (a.T.unsqueeze(2) * b.unsqueeze(0)).sum(dim=1)
    return (a.unsqueeze(2) * b.unsqueeze(0)).sum(dim=1)
