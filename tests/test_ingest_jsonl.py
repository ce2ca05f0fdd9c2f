"""JSONL feeds: one report per line, broken lines rejected alone, fields kept."""

from __future__ import annotations

import json

import pytest

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


def _reasons(text: str, **limits: int) -> list[str]:
    return [
        "doc" if isinstance(o, RawDocument) else o.reason
        for o in records(text, "f.jsonl", Hints(), **limits)  # type: ignore[arg-type]
    ]


BODY = "Officials said the harbour bridge opened on Tuesday after a long delay. " * 3


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\r"])
def test_unicode_line_breaks_inside_a_record_do_not_split_it(sep: str) -> None:
    line = json.dumps({"id": "a", "text": f"One{sep}two. {BODY}"}, ensure_ascii=False)
    (doc,) = records(line, "f.jsonl", Hints())
    assert isinstance(doc, RawDocument) and sep in doc.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}", "json_too_deep"),
        ('{"text": "x", "a": ' + "[" * 65 + "]" * 65 + "}", "json_too_deep"),
        ('{"id": ' + "7" * 5000 + ', "text": "x"}', "bad_json"),
        ('{"text": "x", "n": ' + "7" * 5000 + "}", "bad_json"),
        ("{broken", "bad_json"),
        ("[1, 2]", "not_news_record"),
        ('{"title": "no body"}', "no_text"),
        ('{"text": ' + json.dumps("word " * 300) + "}", "field_too_large"),
        ('{"text": "three words here"}', "no_article_text"),
    ],
)
def test_a_bad_line_is_rejected_alone(line: str, reason: str) -> None:
    good = json.dumps({"id": "ok", "text": BODY})
    got = _reasons(f"{line}\n{good}", max_field_chars=1000, min_words=10)
    assert got == [reason, "doc"] or (reason == "not_news_record" and got[0] == "bad_json")
    assert _reasons(line, max_field_chars=1000, min_words=10) == [reason]


def test_words_are_counted_by_script_before_cleaning() -> None:
    """A Chinese record of 24 characters (12 words as a clean body counts them, but 2 \\w+
    tokens) is not refused as too short before cleaning, where its words are counted alike."""
    text = "北京市政府星期一宣布，由于暴雨全市中小学将停课三天"
    assert _reasons(json.dumps({"text": text}, ensure_ascii=False), min_words=10) == ["doc"]
    assert _reasons(json.dumps({"text": text[:8]}, ensure_ascii=False), min_words=10) == [
        "no_article_text"
    ]


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ('{"text": "Lone \\udfff mark", "t": 1}', "text", "Lone \ufffd mark"),
        ('{"text": "x", "title": "\\ud800"}', "title", "\ufffd"),
        ('{"text": "x", "\\udfff": 1}', "\ufffd", 1),
        ('{"text": "x", "score": NaN}', "score", None),
        ('{"text": "x", "score": -Infinity}', "score", None),
        ('{"text": "x", "score": 1e400}', "score", None),
        ('{"text": "x", "pair": "\\ud83d\\ude00"}', "pair", "\U0001f600"),
    ],
)
def test_values_that_cannot_be_stored_are_made_sound(line: str, field: str, value: object) -> None:
    (doc,) = records(line, "f.jsonl", Hints())
    assert isinstance(doc, RawDocument)
    got = {"text": doc.text, "title": doc.hints.title, **doc.hints.extra}
    assert got[field] == value


@pytest.mark.parametrize(("count", "limit", "docs"), [(5, 10, 5), (12, 10, 10), (3, 1, 1)])
def test_records_past_the_limit_are_one_rejection(count: int, limit: int, docs: int) -> None:
    text = "\n".join(json.dumps({"id": i, "text": BODY}) for i in range(count))
    got = _reasons(text, max_records=limit)
    assert got.count("doc") == docs
    assert got[docs:] == (["too_many_records"] if count > limit else [])


@pytest.mark.parametrize(
    ("doc", "outcome"),
    [
        ({"id": "p", "text": BODY}, "doc"),
        ({"name": "config", "values": [1, 2]}, "not_news_record"),
        ([{"text": BODY}], "not_news_record"),
    ],
)
def test_a_pretty_printed_document_is_one_record_or_not_news(doc: object, outcome: str) -> None:
    assert _reasons(json.dumps(doc, indent=2)) == [outcome]
