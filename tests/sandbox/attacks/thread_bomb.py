"""Attack: thread bomb. Expect: crashed|failed|timeout; at most 0 points."""

import threading, time


def broadcast_add(a, b):
    while True:
        threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
