"""Every setting in one place: a default and a help line each.

Environment variables ``NEWSFUSE_<NAME>`` (upper case) override the defaults, and CLI flags
override both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from newsfuse.errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Build with :func:`load_settings`."""

    db: str = _setting("newsfuse.db", "SQLite file path or database URL (sqlite:///path).")
    max_bytes: int = _setting(
        20 * 1024 * 1024,
        "Largest input accepted, in bytes; larger inputs are rejected as too_large. "
        "20 MB is ~40x the largest page of the extraction data set.",
    )
    min_body_words: int = _setting(
        25,
        "Fewest words of clean body text for an input to count as an article; fewer is "
        "rejected as no_article_text (the shortest gold body in the extraction data has ~60).",
    )

    lock_timeout: float = _setting(
        0.0,
        "Seconds a process waits while another works on the same store (grouping into "
        "stories, analysing, coding events) before giving up with an error; 0 waits as long "
        "as that process runs (its claim ends with it, however it ends).",
    )


def describe() -> list[tuple[str, Any, str]]:
    """``(name, default, help)`` of every setting, for docs and ``newsfuse settings``."""
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``NEWSFUSE_*`` environment variables, then explicit overrides.

    Raises:
        ConfigError: when an environment variable cannot be converted to the setting's type.
    """
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    for f in fields(Settings):
        key = f"NEWSFUSE_{f.name.upper()}"
        raw = env.get(key)
        if raw is None:
            continue
        kind: type = type(f.default)
        try:
            values[f.name] = kind(raw)
        except ValueError as exc:
            raise ConfigError(
                f"{key}={raw!r} is not a valid {kind.__name__}: {f.metadata['help']}"
            ) from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **values)
