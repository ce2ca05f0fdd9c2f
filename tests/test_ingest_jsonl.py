"""JSONL feeds: one report per line, broken lines rejected alone, fields kept."""

from __future__ import annotations

import json

from newsfuse.ingest.jsonl import records
from newsfuse.models import Hints, RawDocument, Rejected


def test_records_keep_fields_and_origin() -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "url": "https://x.example/1",
                "title": "T",
                "text": "Body text",
                "published": "2024-12-13",
                "outlet": "Example",
                "section": "World",
            }
        ),
        "",
        json.dumps({"id": 7, "html": "<html><p>Hi</p></html>"}),
    ]
    out = list(records("\n".join(lines), "feed.jsonl", Hints()))
    assert [type(o) for o in out] == [RawDocument, RawDocument]
    first, second = out
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.origin.line == 1 and first.origin.record_id == "a1"
    assert first.hints.outlet == "Example" and first.hints.extra == {"section": "World"}
    assert first.format == "text" and first.via_jsonl
    assert second.format == "html" and second.origin.line == 3 and second.origin.record_id == "7"


def test_cli_hints_override_record_fields() -> None:
    line = json.dumps({"id": "a", "text": "x", "outlet": "Feed", "published": "2020-01-01"})
    (doc,) = records(line, "f.jsonl", Hints(outlet="Flag"))
    assert isinstance(doc, RawDocument)
    assert doc.hints.outlet == "Flag" and doc.hints.published == "2020-01-01"


def test_broken_lines_are_rejected_one_by_one() -> None:
    lines = [
        "{broken",
        "[1, 2]",
        json.dumps({"id": "x"}),
        json.dumps({"text": "  "}),
        json.dumps({"id": "ok", "text": "fine"}),
    ]
    out = list(records("\n".join(lines), "f.jsonl", Hints()))
    reasons = [o.reason for o in out if isinstance(o, Rejected)]
    assert reasons == ["bad_json", "bad_json", "no_text", "no_text"]
    assert isinstance(out[-1], RawDocument) and out[-1].origin.line == 5
