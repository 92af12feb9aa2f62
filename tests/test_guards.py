"""grader.guards: implicit broadcasting is seen while the code runs."""

import torch

from grader.guards import ImplicitBroadcastWatch


def test_implicit_broadcast_is_recorded() -> None:
    with ImplicitBroadcastWatch() as watch:
        torch.ones(2, 3) + torch.ones(3)
        torch.mul(torch.ones(2, 1), torch.ones(1, 2))
        x = torch.ones(2, 3)
        x -= torch.ones(3)
    assert [shapes for _, shapes in watch.violations] == [((2, 3), (3,)), ((2, 1), (1, 2)), ((2, 3), (3,))]


def test_explicit_broadcast_is_fine() -> None:
    with ImplicitBroadcastWatch() as watch:
        a, b = torch.ones(2, 3), torch.ones(3)
        a + b.expand(2, 3)
        a * 2.0
        torch.cat([a, a])
    assert watch.violations == []


def test_a_refusing_watch_stops_the_operation_where_it_is_made() -> None:
    """What the watched code does afterwards (emptying the record, say) cannot undo a refusal."""
    from grader.guards import ImplicitBroadcast

    ran = []
    with ImplicitBroadcastWatch(refuse=True) as watch:
        try:
            ran.append(torch.ones(2, 3) + torch.ones(3))
        except ImplicitBroadcast as refused:
            watch.violations.clear()
            assert refused.args == ("torch.Tensor.add", ((2, 3), (3,)))
        ran.append(torch.ones(2, 3) + torch.ones(3).expand(2, 3))
    assert len(ran) == 1 and ran[0].shape == (2, 3)
