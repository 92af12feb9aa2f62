"""Attack: imports grader internals. Expect: failed; at most 0 points."""


def broadcast_add(a, b):
    from grader.runner import judge

    return a
