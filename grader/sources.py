"""A learner's Python file as the interpreter reads it.

Python decodes a source file by its coding declaration (``# coding: unicode_escape``) or BOM, not as
UTF-8: a file read as UTF-8 by the grader's analysis but decoded otherwise by the import system showed the
analysis a decoy while other code ran. Every reader of learner source for analysis goes through here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def read_python(path: Path) -> str:
    """The text Python compiles from ``path`` (OSError; SyntaxError or UnicodeDecodeError when Python
    could not decode it either)."""
    return importlib.util.decode_source(Path(path).read_bytes())
