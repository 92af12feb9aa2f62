"""grader.sandbox.channel: the parent's reads and writes on a child's connection end by a deadline."""

import multiprocessing
import os
import struct
import threading
import time

import pytest

from grader.sandbox import channel


@pytest.fixture
def pipe():
    ours, theirs = multiprocessing.Pipe(duplex=True)
    channel.prepare(ours.fileno())
    yield ours, theirs
    ours.close()
    theirs.close()


def test_frames_of_multiprocessing_cross_both_ways(pipe) -> None:
    ours, theirs = pipe
    theirs.send_bytes(b"hello")
    assert bytes(channel.receive(ours.fileno(), 100, time.monotonic() + 5)) == b"hello"
    big = os.urandom(1 << 20)
    sender = threading.Thread(target=theirs.send_bytes, args=(big,))  # more than a socket's buffer holds
    sender.start()
    assert bytes(channel.receive(ours.fileno(), 2 << 20, time.monotonic() + 5)) == big
    sender.join()
    channel.send(ours.fileno(), b"request", time.monotonic() + 5)
    assert theirs.recv_bytes() == b"request"


def test_a_partial_frame_stalls_until_the_deadline_never_longer(pipe) -> None:
    ours, theirs = pipe
    os.write(theirs.fileno(), struct.pack("!i", 1000) + b"GRW1")
    started = time.monotonic()
    with pytest.raises(channel.Stalled):
        channel.receive(ours.fileno(), 10_000, started + 0.5)
    assert 0.5 <= time.monotonic() - started < 2


def test_a_frame_over_the_limit_is_refused_unread(pipe) -> None:
    ours, theirs = pipe
    os.write(theirs.fileno(), struct.pack("!iQ", -1, 1 << 40))
    with pytest.raises(channel.TooLarge):
        channel.receive(ours.fileno(), 1 << 20, time.monotonic() + 1)


def test_a_child_that_never_reads_stalls_a_send_until_the_deadline(pipe) -> None:
    ours, _ = pipe
    started = time.monotonic()
    with pytest.raises(channel.Stalled):
        channel.send(ours.fileno(), b"x" * (64 << 20), started + 0.5)
    assert time.monotonic() - started < 2


def test_a_closed_end_is_an_eof_even_inside_a_frame(pipe) -> None:
    ours, theirs = pipe
    os.write(theirs.fileno(), struct.pack("!i", 1000) + b"GR")
    theirs.close()
    with pytest.raises(EOFError):
        channel.receive(ours.fileno(), 10_000, time.monotonic() + 5)
