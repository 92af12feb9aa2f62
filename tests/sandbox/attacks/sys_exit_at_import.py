"""Attack: sys exit at import. Expect: exited; at most 0 points."""

import sys

sys.exit(0)
