"""Attack: os exit at import. Expect: exited; at most 0 points."""

import os

os._exit(0)
