"""Web archives: pages of HTTP 200 HTML responses become documents, the rest is counted."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import PassedOver, Source, expand, read
from newsfuse.ingest.warc import is_warc, read_warc
from newsfuse.models import Hints, RawDocument, Rejected

DATE = "2024-12-13T08:30:00Z"


def page(n: int, words: int = 0) -> bytes:
    """An HTML news page whose body is unique to ``n`` (``words`` pads it)."""
    pad = " ".join(f"word{i}" for i in range(words))
    return (
        f"<html><head><title>Harbour bridge {n} opens</title></head><body><article>"
        f"<h1>Officials open harbour bridge number {n} after long delay</h1>"
        f"<p>City officials on Tuesday opened the harbour bridge number {n}, ending a delay of "
        f"{n + 2} years that had frustrated commuters and local businesses alike.</p>"
        f"<p>The structure cost about {n * 3 + 10} million dollars, the transport office said "
        "in a statement, and will carry roughly twelve thousand vehicles every day.</p>"
        f"<p>Critics said the project ran over budget by {n + 5} percent, and asked for an "
        f"audit of the contracts signed during the first phase of construction. {pad}</p>"
        "</article></body></html>"
    ).encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes, dict[str, str]]]) -> None:
    """Write ``(type, uri, payload, options)`` records; options: ``status``, ``type``
    (media type) and WARC headers (names starting with ``WARC-``)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for kind, uri, payload, opts in records:
            warc_headers = {k: v for k, v in opts.items() if k.startswith("WARC-")}
            warc_headers.setdefault("WARC-Date", DATE)
            http = None
            if kind in ("response", "revisit"):
                status = opts.get("status", "200 OK")
                media = opts.get("type", "text/html; charset=utf-8")
                http = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
            elif kind == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            record = writer.create_warc_record(
                uri,
                kind,
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict=warc_headers,
            )
            writer.write_record(record)


def mixed(limit_payload: int) -> list[tuple[str, str, bytes, dict[str, str]]]:
    url = "https://www.bbc.co.uk/news/world-1"
    return [
        ("request", url, b"", {}),
        ("response", url, page(1), {}),
        ("revisit", url, b"", {}),
        (
            "response",
            "https://www.bbc.co.uk/logo.jpg",
            b"\xff\xd8\xff" + b"0" * 100,
            {"type": "image/jpeg"},
        ),
        ("response", "https://www.bbc.co.uk/gone", page(2), {"status": "404 Not Found"}),
        ("response", "https://www.bbc.co.uk/cut", page(3), {"WARC-Truncated": "length"}),
        ("response", "https://www.bbc.co.uk/huge", page(4, words=limit_payload // 5), {}),
        ("response", "https://edition.cnn.com/2024/12/13/a", page(5), {}),
    ]


@pytest.mark.parametrize("name", ["cc-news.warc", "cc-news.warc.gz"])
def test_responses_become_documents_and_the_rest_is_counted(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, mixed(limit_payload=20_000))
    out = list(read_warc(path, Hints(), max_bytes=20_000))

    docs = [o for o in out if isinstance(o, RawDocument)]
    assert [d.hints.url for d in docs] == [
        "https://www.bbc.co.uk/news/world-1",
        "https://edition.cnn.com/2024/12/13/a",
    ]
    assert all(d.format == "html" and "harbour bridge" in d.text for d in docs)
    assert docs[0].hints.extra["crawled"] == DATE and docs[0].hints.published is None
    assert docs[0].origin.record_id and docs[0].origin.record_id.startswith("<urn:uuid:")
    assert docs[0].origin.line is not None and docs[0].origin.line > 0  # after the request

    (big,) = [o for o in out if isinstance(o, Rejected)]
    assert big.reason == "too_large" and "NEWSFUSE_MAX_BYTES" in big.message

    passed = Counter(o.reason for o in out if isinstance(o, PassedOver))
    assert passed == {
        "request": 1,
        "revisit": 1,
        "not_html": 1,
        "status_404": 1,
        "truncated": 1,
    }


def test_command_line_hints_win_over_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, [("response", "https://example.org/a", page(1), {})])
    (doc,) = read_warc(path, Hints(url="https://flag.example/x", outlet="Flag"), 10**6)
    assert isinstance(doc, RawDocument)
    assert doc.hints.url == "https://flag.example/x" and doc.hints.outlet == "Flag"


def test_a_file_that_ends_mid_record_passes_the_cut_record_over(tmp_path: Path) -> None:
    path = tmp_path / "full.warc"
    write_warc(path, [("response", f"https://example.org/{n}", page(n, 200), {}) for n in range(3)])
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 800])
    out = list(read_warc(cut, Hints(), 10**6))
    assert sum(isinstance(o, RawDocument) for o in out) == 2
    assert [o.reason for o in out if isinstance(o, PassedOver)] == ["truncated"]


def test_a_file_named_warc_that_is_none_is_rejected_or_empty(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive\n" * 50)
    out = list(read_warc(path, Hints(), 10**6))
    assert not any(isinstance(o, RawDocument) for o in out)
    assert all(isinstance(o, Rejected) and o.reason == "corrupt_warc" for o in out)


def test_archives_are_recognised_by_name_or_content(tmp_path: Path) -> None:
    named = tmp_path / "x.warc.gz"
    write_warc(named, [("response", "https://example.org/a", page(1), {})])
    unnamed = tmp_path / "capture.bin"
    write_warc(unnamed, [("response", "https://example.org/a", page(1), {})])
    text = tmp_path / "a.txt"
    text.write_text("WARM words", encoding="utf-8")
    assert is_warc(named) and is_warc(unnamed) and not is_warc(text)


def test_a_folder_yields_its_archives_and_read_dispatches_them(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz", [("response", "https://example.org/a", page(1), {})])
    write_warc(tmp_path / "b.warc", [("response", "https://example.org/b", page(2), {})])
    (tmp_path / "notes.md").write_text("no report", encoding="utf-8")
    sources = [s for s in expand([str(tmp_path)]) if isinstance(s, Source)]
    assert [s.path.name for s in sources if s.path] == ["a.warc.gz", "b.warc"]
    docs = [d for d in read([str(tmp_path)], Hints(), 10**6) if isinstance(d, RawDocument)]
    assert [d.hints.url for d in docs] == ["https://example.org/a", "https://example.org/b"]


def test_an_archive_over_the_file_limit_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    write_warc(
        path, [("response", f"https://example.org/{n}", page(n, 300), {}) for n in range(20)]
    )
    limit = 10_000
    assert path.stat().st_size > 2 * limit  # the whole file is over the limit, each page not
    docs = [d for d in read([str(path)], Hints(), limit) if isinstance(d, RawDocument)]
    assert len(docs) == 20


def test_memory_follows_the_largest_page_read_not_the_archive(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "big.warc.gz"
    huge = b"<html><body><p>" + b"x" * 30_000_000 + b"</p></body></html>"
    records = [("response", "https://example.org/huge", huge, {})]
    records += [("response", f"https://example.org/{n}", page(n), {}) for n in range(200)]
    write_warc(path, records)
    tracemalloc.start()
    try:
        kinds = Counter(type(o).__name__ for o in read_warc(path, Hints(), 1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kinds == {"Rejected": 1, "RawDocument": 200}
    assert peak < 2_000_000, f"peak {peak} bytes: a record over the limit was loaded"


def test_a_page_is_read_in_the_charset_its_response_declares(tmp_path: Path) -> None:
    czech = "Starosta řekl, že most bude otevřen v úterý a lodě připluly do přístavu."
    body = f"<html><body><article><p>{czech}</p></article></body></html>".encode("cp1250")
    path = tmp_path / "cz.warc.gz"
    opts = {"type": "text/html; charset=windows-1250"}
    write_warc(path, [("response", "https://cz.example/a", body, opts)])
    (doc,) = read_warc(path, Hints(), 10**6)
    assert isinstance(doc, RawDocument) and czech in doc.text and doc.encoding == "cp1250"
    assert doc.encoding_confidence == 0.95  # named by the response, not guessed
