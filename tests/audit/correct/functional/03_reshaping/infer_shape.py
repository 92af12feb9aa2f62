"""Exercise infer_shape — Work out the -1 (seed 000 §2.5)."""


def infer_shape(numel: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    shape = tuple(shape)
    if shape.count(-1) > 1:
        raise ValueError(f"only one -1 allowed, got {shape}")
    for s in shape:
        if s < -1:
            raise ValueError(f"invalid size {s} in {shape}")
    known = 1
    for s in shape:
        if s != -1:
            known *= s
    if -1 not in shape:
        if known != numel:
            raise ValueError(f"shape {shape} holds {known} elements, not {numel}")
        return shape
    # 已知维度的乘积为 0 时 -1 无法确定（或者根本不可能）
    if known == 0 or numel % known != 0:
        raise ValueError(f"cannot infer the -1 in {shape} for {numel} elements")
    return tuple(numel // known if s == -1 else s for s in shape)
