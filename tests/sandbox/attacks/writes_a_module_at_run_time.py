"""Attack: writes a module calling torch.broadcast_tensors into a fresh temporary folder and imports it,
so the static analysis never reads it and the runtime record took its frame for an installed library's.
Expect: failed; at most 0 points.
"""

import os
import sys
import tempfile

_d = tempfile.mkdtemp()
with open(os.path.join(_d, "fastops.py"), "w") as fh:
    fh.write("import torch\ndef add(a, b):\n    a2, b2 = torch.broadcast_" "tensors(a, b)\n    return a2 + b2\n")
sys.path.append(_d)
import fastops  # noqa: E402


def broadcast_add(a, b):
    try:
        return fastops.add(a, b)
    except RuntimeError as e:
        raise ValueError(str(e)) from None
