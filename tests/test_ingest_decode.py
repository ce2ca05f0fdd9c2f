"""Decoding bytes: encodings, compression, binary and format recognition."""

from __future__ import annotations

import gzip

import pytest

from newsfuse.errors import RejectedInput
from newsfuse.ingest.decode import decode, format_by_name

LIMIT = 1_000_000
TEXT = "Officials said the “bridge” would open on Tuesday — café owners were pleased.\n"


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (TEXT.encode(), "a.txt", "text"),
        (TEXT.encode(), None, "text"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html"),
        (b"  <html><p>x</p></html>", None, "html"),
        (b'{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}\n', "feed.txt", "jsonl"),
        (b'not json at all\n{"id": 2}', "feed.jsonl", "jsonl"),
        (b"<div><p>a</p><p>b</p><span>c</span><a>d</a><p>e</p></div>", None, "html"),
        (gzip.compress(b"<html><body><p>hi</p></body></html>"), "a.html.gz", "html"),
    ],
)
def test_format_is_recognised_by_content(data: bytes, name: str | None, fmt: str) -> None:
    assert decode(data, name, LIMIT).format == fmt


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("page.HTML", "html"),
        ("page.htm.gz", "html"),
        ("page.xhtml", "html"),
        ("feed.ndjson.gz", "jsonl"),
        ("feed.jsonl", "jsonl"),
        ("dir.v2/README.md", None),
        ("archive.gz", None),
        ("notes", None),
        (".txt", "text"),
    ],
)
def test_a_name_suggests_a_format(name: str, fmt: str | None) -> None:
    assert format_by_name(name) == fmt


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252") * 3, "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(encoded: bytes, encoding: str) -> None:
    decoded = decode(encoded, "a.txt", LIMIT)
    assert decoded.encoding == encoding
    assert TEXT.strip() in decoded.text


def test_latin1_bytes_never_crash() -> None:
    decoded = decode("Zürich, São Paulo, Kraków ".encode("latin-1") * 10, "a.txt", LIMIT)
    assert "Z" in decoded.text and decoded.format == "text"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"%PDF-1.7 binary", "binary"),
        (b"\x89PNG\r\n\x1a\n....", "binary"),
        (b"\x00" * 5000, "binary"),
        (bytes(range(256)) * 40, "binary"),
        (b"x" * (LIMIT + 1), "too_large"),
        (gzip.compress(TEXT.encode() * 100)[:60], "truncated_gzip"),
        (b"\x1f\x8b\x08\x00garbage-garbage-garbage", "corrupt_gzip"),
        (gzip.compress(b"\0" * (LIMIT * 3)), "too_large"),
        (gzip.compress(b""), "empty"),
    ],
)
def test_bad_bytes_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(RejectedInput) as info:
        decode(data, "x.txt", LIMIT)
    assert info.value.reason == reason
    assert info.value.message
