"""Attack: segfault via ctypes. Expect: crashed; at most 0 points."""

import ctypes


def broadcast_add(a, b):
    ctypes.string_at(0)
