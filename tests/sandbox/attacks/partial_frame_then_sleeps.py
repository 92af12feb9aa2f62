"""Attack: writes the start of an answer on its connection, then sleeps. Expect: timeout; at most 0 points.

The parent saw data waiting (poll) and blocked reading the rest of a frame that never came: no report,
no later exercise graded.
"""

import os
import struct
import time


def broadcast_add(a, b):
    for fd in range(3, 64):  # the connection to the parent is one of these
        try:
            os.write(fd, struct.pack("!i", 1000) + b"GRW1")
        except OSError:
            pass
    time.sleep(3600)
