"""Export lines are strict JSON whatever the stored values."""

from __future__ import annotations

import json
import math

import pytest

from newsfuse.export import json_line


def _refuse(name: str) -> None:
    raise AssertionError(f"{name} is no JSON")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"score": math.nan}, {"score": None}),
        ({"score": math.inf, "low": -math.inf}, {"score": None, "low": None}),
        ({"nested": [{"x": math.nan}, (1.5, math.inf)]}, {"nested": [{"x": None}, [1.5, None]]}),
        ({"text": "lone \udfff mark"}, {"text": "lone \ufffd mark"}),
        ({"text": "line\u2028break"}, {"text": "line\u2028break"}),
        ({"n": 10**20, "f": 0.1}, {"n": 10**20, "f": 0.1}),
    ],
)
def test_export_lines_are_strict_json(record: dict[str, object], expected: object) -> None:
    line = json_line(record)
    assert line.endswith("\n") and line.count("\n") == 1
    line.encode("utf-8")
    assert json.loads(line, parse_constant=_refuse) == expected
