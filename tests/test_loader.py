"""grader.loader: a learner's exercise file may import its own helper modules (its chapter folder first,
then the tree's root), never in place of an installed module, and two graded trees never share one."""

import sys
from pathlib import Path

import numpy
import torch

from grader import course
from grader.loader import find_helper, learner_files, load

EXERCISE = course.active().get("one_hot")


def write(root: Path, files: dict[str, str]) -> Path:
    for relpath, text in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")
    return root


MAIN = (
    "from encoding import encode\n\n"
    "def one_hot(labels, num_classes):\n    return encode(labels, num_classes)\n"
)
ENCODING = "import torch\nfrom shared import eye\n\ndef encode(labels, n):\n    return eye(n)[labels]\n"
SHARED = "import torch\n\ndef eye(n):\n    return torch.eye(n)\n"


def test_a_helper_in_the_chapter_folder_and_one_at_the_root_import(tmp_path: Path) -> None:
    root = write(
        tmp_path, {"04_indexing/one_hot.py": MAIN, "04_indexing/encoding.py": ENCODING, "shared.py": SHARED}
    )
    impl = load(EXERCISE, root).impl
    assert impl(torch.tensor([1, 0]), 2).tolist() == [[0.0, 1.0], [1.0, 0.0]]
    assert "encoding" not in sys.modules and "shared" not in sys.modules  # gone once loaded
    assert str(root) not in sys.path and str(root / "04_indexing") not in sys.path


def test_learner_files_lists_the_exercise_and_its_helpers_transitively(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "04_indexing/one_hot.py": MAIN,
            "04_indexing/encoding.py": ENCODING,
            "shared.py": SHARED,
            "04_indexing/unused.py": "x = 1\n",
        },
    )
    assert learner_files(EXERCISE, root) == [
        root / "04_indexing/one_hot.py",
        root / "04_indexing/encoding.py",
        root / "shared.py",
    ]


def test_a_learners_torch_or_numpy_file_never_shadows_the_real_one(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "04_indexing/one_hot.py": "import numpy\nimport torch\n\ndef one_hot(labels, num_classes):\n"
            "    return (numpy.__file__, torch.__file__)\n",
            "04_indexing/numpy.py": "raise RuntimeError('shadowed')\n",
            "torch.py": "raise RuntimeError('shadowed')\n",
        },
    )
    assert find_helper("numpy", EXERCISE, root) is None and find_helper("torch", EXERCISE, root) is None
    assert load(EXERCISE, root).impl(None, 0) == (numpy.__file__, torch.__file__)
    assert learner_files(EXERCISE, root) == [root / "04_indexing/one_hot.py"]


def test_two_trees_with_a_helper_of_the_same_name_get_their_own(tmp_path: Path) -> None:
    main = "from helper import VALUE\n\ndef one_hot(labels, num_classes):\n    return VALUE\n"
    a = write(tmp_path / "a", {"04_indexing/one_hot.py": main, "04_indexing/helper.py": "VALUE = 'a'\n"})
    b = write(tmp_path / "b", {"04_indexing/one_hot.py": main, "helper.py": "VALUE = 'b'\n"})
    assert load(EXERCISE, a).impl(None, 0) == "a"
    assert load(EXERCISE, b).impl(None, 0) == "b"


def _cached_elsewhere(source_path: Path, hidden: str, cached: Path) -> None:
    """A hash-based .pyc that Python runs without looking at the source, made from ``hidden``."""
    import py_compile

    hidden_path = cached.parent / "hidden_source.py"
    cached.parent.mkdir(parents=True, exist_ok=True)
    hidden_path.write_text(hidden)
    mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    py_compile.compile(str(hidden_path), cfile=str(cached), dfile=str(source_path), invalidation_mode=mode)
    hidden_path.unlink()


def test_the_source_runs_never_a_bytecode_cache_beside_it(tmp_path: Path) -> None:
    """The analysis reads the source; a hash-based .pyc in __pycache__ ran instead (pytest exercises/)."""
    shown = "def one_hot(labels, num_classes):\n    return 'the source'\n"
    hidden = "def one_hot(labels, num_classes):\n    return 'the cache'\n"
    helper = "def which():\n    return 'the helper source'\n"
    main = shown + "from helper import which\n"
    root = write(tmp_path, {f"{EXERCISE.chapter}/one_hot.py": main, "helper.py": helper})
    folder = root / EXERCISE.chapter
    cache = sys.implementation.cache_tag
    _cached_elsewhere(folder / "one_hot.py", hidden, folder / "__pycache__" / f"one_hot.{cache}.pyc")
    fake_helper = "def which():\n    return 'the helper cache'\n"
    _cached_elsewhere(root / "helper.py", fake_helper, root / "__pycache__" / f"helper.{cache}.pyc")
    learner = load(EXERCISE, root)
    assert learner.impl(None, 2) == "the source"
    assert learner.impl.__globals__["which"]() == "the helper source"


def test_a_helper_imported_inside_the_function_is_found_when_it_runs(tmp_path: Path) -> None:
    main = "def one_hot(labels, num_classes):\n    from late_helper import answer\n    return answer()\n"
    root = write(
        tmp_path, {f"{EXERCISE.chapter}/one_hot.py": main, "late_helper.py": "def answer():\n    return 42\n"}
    )
    learner = load(EXERCISE, root)
    assert learner.impl(None, 2) == 42
    assert "late_helper" not in sys.modules  # and gone again: two graded trees never share a helper
