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


def _members(*parts: bytes) -> bytes:
    return b"".join(gzip.compress(p) for p in parts)


_SECOND = gzip.compress(b"second member " * 40)


@pytest.mark.parametrize(
    ("data", "outcome"),
    [
        (_members(b"first. ", b"second."), "first. second."),
        (_members(*[bytes([c]) for c in b"one byte a member"]), "one byte a member"),
        (_members(b"padded") + b"\0" * 32, "padded"),
        (gzip.compress(b"x " * 10) + _SECOND[:10] + b"\xff" * 40, "corrupt_gzip"),
        (gzip.compress(b"x " * 10) + _SECOND[:-10], "truncated_gzip"),
        (_members(b"a" * (LIMIT // 2 + 1), b"a" * (LIMIT // 2 + 1)), "too_large"),  # a bomb
        (_members(*[b"b" * 300_000] * 4), "too_large"),
    ],
)
def test_every_gzip_member_is_read_within_the_limit(data: bytes, outcome: str) -> None:
    try:
        got = decode(data, "a.txt.gz", LIMIT).text
    except RejectedInput as exc:
        got = exc.reason
    assert got == outcome


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # A dump that names tags in its first 4 KB is still a dump.
        ("Editors use <p>, <div>, <span>, <a> and <title> tags.\n" * 3, "text"),
        ("<br> <meta> <h1> are tags, says the style guide.\n", "text"),
        ("<!-- saved page -->\n<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ('<?xml version="1.0"?>\n<html><body><p>x</p></body></html>', "html"),
        ("\n  <body><p>x</p></body>", "html"),
        ("<article><h1>T</h1><p>x</p></article>", "html"),
        ('{\n  "id": "a",\n  "text": "Pretty printed record."\n}\n', "jsonl"),
        ('[{"id": 1, "text": "x"}]', "jsonl"),
        ("{braces open this dump}\nand text follows.\n", "text"),
    ],
)
def test_format_is_told_by_structure(text: str, fmt: str) -> None:
    assert decode(text.encode(), "a.txt", LIMIT).format == fmt


@pytest.mark.parametrize("nuls", [1, 3, 8])
def test_a_few_nul_bytes_in_html_are_dropped(nuls: int) -> None:
    page = b"<html><head><title>T\x00</title></head><body>" + b"<p>x</p>\x00" * (nuls - 1)
    got = decode(page + b"</body></html>", "a.html", LIMIT)
    assert got.format == "html" and "\x00" not in got.text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Inês Carvalho disse.\n".encode("latin-1") * 5, "cp1252"),
        ("Caf\u00e9 au lait \u00e9".encode()[:-1], "utf-8"),
        ("Zürich\n".encode() + "Zürich\n".encode("latin-1"), "utf-8+cp1252"),
        ("Plain text, said the officials on Monday.\n".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decoded_input_carries_encoding_and_confidence(data: bytes, encoding: str) -> None:
    got = decode(data, "a.txt", LIMIT)
    assert got.encoding == encoding and 0 < got.confidence <= 1


CZECH = "Starosta řekl, že most bude otevřen v úterý a lodě připluly do přístavu."


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        ('<meta charset="windows-1250">', None),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">', None),
        ("", "text/html; charset=windows-1250"),
        # The HTTP header outranks the page's own tag.
        ('<meta charset="windows-1252">', "text/html; charset=windows-1250"),
    ],
)
def test_a_page_is_read_in_the_charset_it_declares(head: str, content_type: str | None) -> None:
    page = f"<html><head>{head}<title>Most</title></head><body><p>{CZECH}</p></body></html>"
    got = decode(page.encode("cp1250"), "page.html", LIMIT, content_type)
    assert CZECH in got.text and got.encoding == "cp1250"


def test_a_charset_named_late_in_a_page_is_not_read() -> None:
    # HTML requires the tag in the first 1,024 bytes; a claim deep in the body is content.
    page = f"<html><body><p>{'x ' * 2000}</p><meta charset=windows-1250><p>{CZECH}</p></body>"
    assert decode(page.encode("cp1250"), "page.html", LIMIT).encoding != "cp1250"
