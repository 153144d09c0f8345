"""shed(): a big list or dict emptied a slice at a time, nothing left behind."""

from desktop.services.jobs import SHED_SLICE, shed


def test_shed_empties_a_list_longer_than_a_slice() -> None:
    items: list[object] = [[i] for i in range(SHED_SLICE * 3 + 7)]
    shed(items)
    assert items == []


def test_shed_empties_a_dict_longer_than_a_slice() -> None:
    items: dict[object, object] = {i: [i] for i in range(SHED_SLICE * 2 + 1)}
    shed(items)
    assert items == {}
