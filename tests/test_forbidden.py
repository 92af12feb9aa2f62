"""grader.forbidden: calls found through aliases, methods, getattr and operators, with line numbers."""

from grader.forbidden import check_patterns, find_forbidden

MATMUL = ["@", ".matmul", ".mm", "torch.einsum", "numpy.dot"]


def uses(source: str, patterns=MATMUL) -> list[tuple[int, str]]:
    return [(u.line, u.code) for u in find_forbidden(source, patterns)]


def test_operator_method_and_function() -> None:
    source = "import torch\ndef f(a, b):\n    x = a @ b\n    y = a.matmul(b)\n    return torch.mm(a, b)\n"
    assert uses(source) == [(3, "a @ b"), (4, "a.matmul"), (5, "torch.mm")]


def test_aliases_are_resolved() -> None:
    source = "import numpy as np\nfrom torch import einsum as e\nnp.dot(1, 2)\ne('i,i', a, b)\n"
    found = uses(source)
    assert (3, "np.dot") in found
    assert any(line == 2 for line, _ in found) and (4, "e") in found


def test_module_pattern_matches_everything_inside() -> None:
    source = "import torch\ng = torch.autograd.grad(y, x)\nfrom torch.autograd import grad\n"
    assert [line for line, _ in uses(source, ["torch.autograd"])] == [2, 3]


def test_getattr_with_a_constant_is_caught() -> None:
    assert uses("import torch\ngetattr(torch, 'matmul')(a, b)\n") == [(2, "getattr(torch, 'matmul')")]


def test_in_place_matmul_operator() -> None:
    assert uses("a @= b\n") == [(1, "a @= b")]


def test_clean_code_and_lookalikes_pass() -> None:
    assert uses("import torch\ndef f(a, b):\n    return (a[:, :, None] * b[None]).sum(1)\n") == []
    assert uses("import numpy\nnumpy.dotted = 1\n", ["numpy.dot"]) == []


def test_pattern_validation() -> None:
    assert check_patterns(["@", ".mm", "torch.nn.functional.one_hot"]) == []
    assert check_patterns(["torch..mm", "a b"]) != []
