"""Listings on the command line: --json everywhere, from the same dicts; ids; event types."""

from __future__ import annotations

import json
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

from newsfuse.cli import cli
from newsfuse.compare.comparison import compare
from newsfuse.coverage import story_rows_with_coverage
from newsfuse.errors import ConfigError, NotFound
from newsfuse.extract.events.lexicon import PLOVER_TYPES, actor_codes
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.store.stories import story_input
from newsfuse.views import (
    article_dict,
    article_row,
    comparison_rows,
    event_rows,
    reject_row,
    setting_rows,
    story_entity_rows,
    story_quote_rows,
)

Rows = Callable[[SqliteStore, str, str], Any]


def _run(db: Path, args: list[str]) -> Any:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def _ids(db: Path) -> tuple[SqliteStore, str, str]:
    store = SqliteStore(db, read_only=True)
    story = store.story_rows()[0]["id"]
    return store, story, store.story_row(story)["members"][0]["id"]


# (command, the dicts its table is built from): --json prints exactly those, one per line.
LISTINGS: list[tuple[list[str], Rows]] = [
    (["articles"], lambda s, _, __: [article_row(a) for a in s.articles()]),
    (["rejects"], lambda s, _, __: [reject_row(r) for r in s.rejects()]),
    (["stories"], lambda s, _, __: story_rows_with_coverage(s)),
    (["settings"], lambda s, _, __: setting_rows()),
    (["entities"], lambda s, _, __: s.entity_rows()),
    (
        ["entities", "--story", "{story}"],
        lambda s, sid, _: story_entity_rows(story_input(s, sid)),
    ),
    (["quotes"], lambda s, _, __: s.quote_rows()),
    (["quotes", "--story", "{story}"], lambda s, sid, _: story_quote_rows(story_input(s, sid))),
    (["events"], lambda s, _, __: event_rows(s)),
    (["events", "--story", "{story}"], lambda s, sid, _: event_rows(s, sid)),
    (["compare", "{story}"], lambda s, sid, _: comparison_rows(compare(story_input(s, sid)))),
]


@pytest.mark.parametrize(("args", "rows"), LISTINGS, ids=[" ".join(a) for a, _ in LISTINGS])
def test_json_prints_one_object_per_line_the_tables_dicts(
    samples_db: Path, args: list[str], rows: Rows
) -> None:
    store, story, article = _ids(samples_db)
    argv = [a.format(story=story, article=article) for a in args]
    printed = [json.loads(line) for line in _run(samples_db, [*argv, "--json"]).splitlines()]
    expected = json.loads(json.dumps(rows(store, story, article), ensure_ascii=False))
    assert printed == expected
    if args[0] in ("articles", "stories", "settings", "compare", "events"):
        assert printed, "the samples should give rows to compare"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["story", "{story}"], lambda s, sid, _: s.story_row(sid)),
        (
            ["article", "{article}"],
            lambda s, _, aid: article_dict(s.article(aid), False, s.analysis(aid)),
        ),
    ],
    ids=["story", "article"],
)
def test_json_of_one_item_is_its_dict(samples_db: Path, args: list[str], expected: Rows) -> None:
    store, story, article = _ids(samples_db)
    argv = [a.format(story=story, article=article) for a in args]
    printed = json.loads(_run(samples_db, [*argv, "--json"]))
    assert printed == json.loads(json.dumps(expected(store, story, article)))


def test_events_json_flag_is_format_json(samples_db: Path) -> None:
    assert _run(samples_db, ["events", "--json"]) == _run(
        samples_db, ["events", "--format", "json"]
    )


@pytest.mark.parametrize("bad", ["FOO", "agreee", "CRIME"])
def test_an_unknown_event_type_names_the_valid_ones(samples_db: Path, bad: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _run(samples_db, ["events", "--type", bad])
    message = str(caught.value)
    assert repr(bad) in message
    assert all(t in message for t in PLOVER_TYPES) and "REQUEST" in message


@pytest.mark.parametrize("given", ["consult", "CONSULT", "Consult"])
def test_a_known_event_type_filters_in_any_case(samples_db: Path, given: str) -> None:
    rows = [
        json.loads(x) for x in _run(samples_db, ["events", "--type", given, "--json"]).splitlines()
    ]
    assert rows and all(r["plover_type"] == "CONSULT" for r in rows)


def test_plover_types_are_those_of_the_crosswalk_data() -> None:
    assert set(PLOVER_TYPES) == set(actor_codes().polecat)


def test_an_ambiguous_story_prefix_lists_the_stories(samples_db: Path) -> None:
    store, _, _ = _ids(samples_db)
    ids = [r["id"] for r in store.story_rows()]
    with pytest.raises(NotFound, match="several stories") as caught:
        _run(samples_db, ["story", "s"])
    assert all(sid in str(caught.value) for sid in ids) and "more characters" in str(caught.value)


def test_the_settings_doc_is_the_settings_table() -> None:
    generate = runpy.run_path(str(REPO / "scripts" / "gen_docs.py"))["settings_doc"]
    text = generate()
    assert (REPO / "docs" / "settings.md").read_text() == text, (
        "docs/settings.md is stale: run python scripts/gen_docs.py"
    )
    for row in setting_rows():
        assert f"| `{row['name']}` |" in text
