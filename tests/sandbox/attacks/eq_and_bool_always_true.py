"""Attack: eq and bool always true. Expect: failed; at most 0 points."""


class Yes:
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True

    __hash__ = object.__hash__


def broadcast_add(a, b):
    return Yes()
