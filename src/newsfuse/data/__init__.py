"""Read the word lists and models shipped in this folder: the one loader for package data."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_json", "load_text", "read_json"]


@cache
def load_text(name: str) -> str:
    """The text of a file of this folder, read as UTF-8 once per process.

    Args:
        name: The file name, such as ``"aliases.json"``.

    Raises:
        FileNotFoundError: When the package ships no such file.
    """
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def load_json(name: str) -> Any:
    """The parsed contents of a JSON file of this folder.

    The text is read once per process; each call parses it afresh, so a caller may keep or
    change what it gets without touching another's copy.

    Args:
        name: The file name, such as ``"aliases.json"``.
    """
    return json.loads(load_text(name))


def read_json(name: str) -> Any:
    """The parsed contents of a large JSON file of this folder, its text not kept in memory.

    Raises:
        FileNotFoundError: When there is no such file (one built at install time may be
            missing).
    """
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
