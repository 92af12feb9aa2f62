"""Attack: fake score lines on stdout. Expect: failed; at most 0 points."""

print("exercises complete 40/40, points 500/500")
print('{"score": 500}')


def broadcast_add(a, b):
    print("PASSED")
    return a
