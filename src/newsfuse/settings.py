"""Every setting in one place: a default and a help line each.

Environment variables ``NEWSFUSE_<NAME>`` (upper case) override the defaults, and CLI flags
override both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from newsfuse.errors import ConfigError

#: The values of the ``compare`` setting.
COMPARE_WHEN = ("now", "later")


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Build with :func:`load_settings`."""

    db: str = _setting(
        "newsfuse.db",
        "SQLite file path or database URL (sqlite:///path, postgresql://user@host/db).",
    )
    max_bytes: int = _setting(
        20 * 1024 * 1024,
        "Largest input accepted, in bytes; larger inputs are rejected as too_large. "
        "20 MB is ~40x the largest page of the extraction data set.",
    )
    max_records: int = _setting(
        100_000,
        "Most records read from one JSONL file; the lines after are rejected as one "
        "too_many_records. 100,000 tiny records are read and rejected in ~20 s of CPU and ~270 MB.",
    )
    max_field_chars: int = _setting(
        5_000_000,
        "Longest 'text' or 'html' field of a JSONL record, in characters; longer is rejected as "
        "field_too_large. ~3x the longest page (1.5 MB of HTML) of the extraction data set.",
    )
    min_encoding_confidence: float = _setting(
        0.6,
        "An article whose input encoding was guessed with less confidence (0 to 1) is stored "
        "with a warning: 0.5 is a file mixing UTF-8 and cp1252 lines, 0.9 a single-byte guess "
        "whose text reads well, 1 UTF-8.",
    )
    min_body_words: int = _setting(
        25,
        "Fewest words of clean body text for an input to count as an article; fewer is "
        "rejected as no_article_text (the shortest gold body in the extraction data has ~60). "
        "Chinese and Japanese text counts two characters to a word.",
    )
    max_lines: int = _setting(
        20_000,
        "Most non-blank lines a text dump may have; more is rejected as too_many_lines before "
        "any scoring. The longest dump of the extraction data has 530 (~40x).",
    )
    max_html_elements: int = _setting(
        20_000,
        "Most elements (start tags) an HTML page may have; more is rejected as "
        "too_many_elements before parsing. The largest page of the extraction data has "
        "1,737 (~12x); at this limit (1,990 paragraphs to a section) cleaning took ~6 s and "
        "0.2 GB.",
    )
    max_html_children: int = _setting(
        2_000,
        "Most child elements one HTML element may have; more is rejected as too_many_children "
        "after parsing, before extraction, whose cost grows with their square (5,000 spans in "
        "one paragraph took 2 s, 19,000 over a minute). The extraction data's most is 258.",
    )
    max_attributes: int = _setting(
        1_000,
        "Most attributes one HTML element may have; more is rejected as too_many_attributes "
        "before parsing (the parser's cost grows with their square: 30,000 took 35 s). The "
        "extraction data's most is 64 (~15x).",
    )
    max_attribute_chars: int = _setting(
        4096,
        "Attribute values longer than this are dropped before extraction: they are inlined "
        "data (base64 images, serialized state), never class names or ids; matching classes "
        "and ids over a 5 MB value took 6.5 s.",
    )
    max_table_cells: int = _setting(
        5_000,
        "Most table cells (td, th) an HTML page may have; more is rejected as "
        "too_many_table_cells before parsing. The extraction data's most is 287 (~17x); a "
        "1000x100 table took 45 s to extract.",
    )
    clean_seconds: float = _setting(
        10.0,
        "CPU seconds one input may spend in cleaning; past them it is rejected as too_slow "
        "(checked between steps and inside the cascades' loops). On the extraction data a page "
        "takes 5 ms (dump) or 45 ms (HTML) at the median, 0.32 s at the most (~30x under).",
    )
    user_agent: str = _setting(
        "newsfuse/0.1 (news monitoring; fetches pages its operator follows; honours robots.txt)",
        "User-Agent header of every fetch; say who runs it and how to reach them. robots.txt "
        "rules are read for this agent's first word (newsfuse).",
    )
    fetch_timeout: float = _setting(
        20.0,
        "Seconds one fetch may take in all (connect, wait, read); a slower answer is rejected "
        "as timeout and retried.",
    )
    fetch_retries: int = _setting(
        2,
        "Extra tries after a network error, a timeout, 429 or a 5xx answer, with backoff.",
    )
    fetch_backoff: float = _setting(
        2.0,
        "Seconds before the first retry, doubled for each next one; a Retry-After header "
        "(up to 60 s) is honoured instead.",
    )
    fetch_delay: float = _setting(
        1.0,
        "Fewest seconds between two requests to one host; a robots.txt Crawl-delay that is "
        "longer wins (one request a second is the usual polite crawl rate).",
    )
    fetch_attempts: int = _setting(
        3,
        "Polls on which a feed entry that failed for a passing reason (network, timeout, "
        "5xx) is fetched again before it is left alone.",
    )

    compare: str = _setting(
        "now",
        "When an ingest compares the stories it changed (claims, briefs, merged entities and "
        "quotes) and stores the results: 'now', in the same run, or 'later', left pending "
        "for 'newsfuse analyse' (until then a reader makes a story's comparison when it is "
        "shown, unstored). On 300 short ECB+ texts comparing is a quarter to a third of "
        "ingest's CPU.",
    )

    lock_timeout: float = _setting(
        0.0,
        "Seconds a process waits while another works on the same store (grouping into "
        "stories, analysing, coding events) before giving up with an error; 0 waits as long "
        "as that process runs (its claim ends with it, however it ends).",
    )

    @property
    def compares_at_ingest(self) -> bool:
        """Whether an ingest compares the stories it changed itself (``compare`` is 'now')."""
        return self.compare == "now"

    def __post_init__(self) -> None:
        if self.compare not in COMPARE_WHEN:
            raise ConfigError(
                f"compare={self.compare!r} is not one of {', '.join(COMPARE_WHEN)} "
                "(NEWSFUSE_COMPARE, or ingest --compare)"
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
