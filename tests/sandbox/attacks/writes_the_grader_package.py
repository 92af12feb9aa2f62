"""Attack: writes the grader's package, its __pycache__, site-packages and a .pth. Expect: passed; at most 10 points.
Target: make_grid
"""

import os, site, sys

import torch


def _try_write(path, text, mode="a"):
    try:
        with open(path, mode) as f:
            f.write(text)
    except OSError:
        pass


def make_grid(rows, cols, dtype=torch.int64):
    package = os.path.dirname(sys.modules["grader"].__file__)
    _try_write(os.path.join(package, "score.py"), "\n# a submission was here\n")
    _try_write(os.path.join(package, "__pycache__", "score.cpython-311.pyc"), "forged", "w")
    _try_write(os.path.join(package, "forged_by_a_submission.py"), "PWNED = True\n", "w")
    places = [os.path.dirname(os.path.dirname(os.__file__))]
    places += [os.path.dirname(os.path.dirname(sys.modules[m].__file__)) for m in ("torch", "numpy", "grader")]
    try:
        places += site.getsitepackages()
    except AttributeError:
        pass
    for place in places:
        _try_write(os.path.join(place, "zz_forged_by_a_submission.pth"), "import os\n", "w")
    return torch.arange(rows * cols, dtype=dtype).reshape(rows, cols)
