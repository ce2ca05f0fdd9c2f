"""``as_dict`` gives what ``dataclasses.asdict`` gives: equal values of the same types."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, NamedTuple

import pytest

from newsfuse.models import DatedMention, DateMention, as_dict


class _Pair(NamedTuple):
    left: Any
    right: Any


class _Colour(Enum):
    RED = "red"


@dataclass(frozen=True)
class _Inner:
    name: str
    score: float | None = None


@dataclass
class _Outer:
    inner: _Inner
    many: tuple[_Inner, ...] = ()
    rows: list[list[int]] = field(default_factory=list)
    table: dict[str, _Inner] = field(default_factory=dict)
    pair: _Pair | None = None
    tags: frozenset[str] = frozenset()
    colour: _Colour = _Colour.RED
    flag: bool = False


_MENTION = DateMention("Tuesday", 10, 17, "2024-03-05", "day", "exact", None, "date")

_CASES = [
    _MENTION,
    DatedMention(2, True, _MENTION),
    _Outer(_Inner("a")),
    _Outer(
        _Inner("a", 0.5),
        (_Inner("b"), _Inner("c", float("inf"))),
        [[1, 2], []],
        {"x": _Inner("d")},
        _Pair(_Inner("e"), [3]),
        frozenset({"t"}),
        flag=True,
    ),
]


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same type all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("value", _CASES)
def test_as_dict_is_asdict(value: Any) -> None:
    assert _same(as_dict(value), asdict(value))


def test_as_dict_copies_the_containers() -> None:
    outer = _Outer(_Inner("a"), rows=[[1]])
    made = as_dict(outer)
    made["rows"][0].append(2)
    assert outer.rows == [[1]]
