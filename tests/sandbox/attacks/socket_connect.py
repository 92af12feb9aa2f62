"""Attack: socket connect. Expect: failed; at most 0 points."""

import socket


def broadcast_add(a, b):
    s = socket.create_connection(("127.0.0.1", 22), timeout=1)
    return a
