"""The parent's end of a child's connection: every read and every write has a deadline.

The child speaks multiprocessing's framing (``Connection.send_bytes``: a signed 32-bit big-endian length,
or -1 then an unsigned 64-bit length, then the bytes). The parent does not use ``recv_bytes``, which
blocks until a whole frame has come: a child that wrote the start of a frame and slept hung the parent
forever. Here the parent's descriptor is non-blocking and each read or write waits only until the
deadline; the length is checked against the limit before anything is allocated.
"""

from __future__ import annotations

import os
import select
import struct
import time

_ONE_WRITE = 1 << 16  # a frame up to this size is sent in one write (a pipe's buffer, on Linux)


class Stalled(Exception):  # not an OSError: a live child that stopped, not a dead one
    """The child stopped half-way through a frame (or would not take one) until the deadline."""


class TooLarge(ValueError):
    """The child announced a frame over the limit: nothing of it was read."""


def prepare(fd: int) -> None:
    """Make the parent's end non-blocking (the child's end, its own file description, is unchanged)."""
    os.set_blocking(fd, False)


def receive(fd: int, limit: int, deadline: float) -> bytes:
    """One frame of at most ``limit`` bytes, complete by ``deadline`` (time.monotonic), or Stalled.

    EOFError when the child closed its end (it died), before or inside a frame.
    """
    (size,) = struct.unpack("!i", _read_exactly(fd, 4, deadline))
    if size == -1:
        (size,) = struct.unpack("!Q", _read_exactly(fd, 8, deadline))
    if size < 0 or size > limit:
        raise TooLarge(f"a message of {size} bytes (at most {limit})")
    return _read_exactly(fd, size, deadline)


def send(fd: int, data: bytes, deadline: float) -> None:
    """Write one frame, complete by ``deadline``, or Stalled (a child that stopped reading)."""
    header = struct.pack("!i", len(data)) if len(data) <= 0x7FFFFFFF else struct.pack("!iQ", -1, len(data))
    # one write where the pipe takes it all: each write wakes the child, and on a busy machine the writer
    # then waits for its turn to run again
    view = memoryview(header + data) if len(data) <= _ONE_WRITE else None
    for part in (view,) if view is not None else (memoryview(header), memoryview(data)):
        while part:
            _wait(fd, select.POLLOUT, deadline)
            try:
                part = part[os.write(fd, part) :]
            except BlockingIOError:
                continue


def _read_exactly(fd: int, n: int, deadline: float) -> bytes:
    buffer = bytearray(n)
    view, got = memoryview(buffer), 0
    while got < n:
        _wait(fd, select.POLLIN, deadline)
        try:
            count = os.readv(fd, [view[got:]])
        except BlockingIOError:
            continue
        if count == 0:
            raise EOFError("the child closed its connection")
        got += count
    return bytes(buffer) if n < 4096 else buffer  # a bytearray is bytes-like: no second copy of a big one


def _wait(fd: int, event: int, deadline: float) -> None:
    poller = select.poll()
    poller.register(fd, event)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Stalled("the child stopped in the middle of a message")
        if poller.poll(max(1, int(left * 1000))):
            return  # ready, or hung up / in error: the read or write that follows says which
