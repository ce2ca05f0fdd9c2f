"""The models as plain dicts: ``dataclasses.asdict``'s result, made without its deep copies."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import fields
from typing import Any

__all__ = ["as_dict"]

#: Values kept as they are: ``copy.deepcopy`` returns these very objects.
_ATOMS = frozenset({str, int, float, bool, type(None)})
#: Field names by dataclass, read once per class.
_NAMES: dict[type, tuple[str, ...]] = {}


def as_dict(obj: Any) -> dict[str, Any]:
    """What ``dataclasses.asdict(obj)`` returns, equal value for value and type for type.

    ``asdict`` passes every leaf through ``copy.deepcopy``, which returns a string or number
    unchanged only after looking up how to copy it; storing an analysis or a comparison
    walks tens of thousands of leaves (0.2 s of CPU for the analyses of 300 ECB+ texts).
    Here strings, numbers and None are kept at once; anything else takes ``asdict``'s path.
    """
    return {name: _plain(getattr(obj, name)) for name in _names(type(obj))}


def _names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _ATOMS:
        return value
    if hasattr(kind, "__dataclass_fields__"):
        return as_dict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return kind(*[_plain(v) for v in value])  # a named tuple, rebuilt field by field
    if isinstance(value, list | tuple):
        return kind(_plain(v) for v in value)
    if isinstance(value, dict):
        build: Callable[[Any], Any] = kind
        return build((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)
