"""A corpus of broken and hostile inputs: each gets a reason, none stops the batch."""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_dump

from newsfuse import pipeline
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore

LIMIT = 5_000_000
GOOD = make_dump(1)
HTML_OK = (
    "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
    + "".join(
        f"<p>Paragraph {i} says the port reopened after the storm and ships came back "
        f"to the harbour on Monday, officials said.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)
rng = random.Random(7)
STRAIGHT = str.maketrans({"“": '"', "”": '"'})

Writer = Callable[[Path], None]


def _bytes(name: str, data: bytes) -> tuple[str, Writer]:
    return name, lambda d: (d / name).write_bytes(data)


def _big(d: Path) -> None:
    with (d / "huge.txt").open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"end")


def _loop(d: Path) -> None:
    (d / "loopdir").mkdir()
    os.symlink(d, d / "loopdir" / "back")


def _fifo(d: Path) -> None:
    os.mkfifo(d / "pipe.txt")


def _deep(n: int) -> bytes:
    return ("<html><body>" + "<div>" * n + "text" + "</div>" * n + "</body></html>").encode()


JSONL_BAD = "\n".join(
    [
        "{not json",
        "[]",
        "42",
        "null",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "num", "text": 5}),
        json.dumps({"id": "good", "text": GOOD.replace("number 1", "number 99")}),
    ]
).encode()

# (file, how to write it, expected reason or "article"); None = any outcome with a reason.
CASES: list[tuple[str, Writer, str | None]] = [
    (*_bytes("empty.txt", b""), "empty"),
    (*_bytes("empty.html", b""), "empty"),
    (*_bytes("spaces.txt", b"    "), "empty"),
    (*_bytes("newlines.txt", b"\n\n\r\n\n"), "empty"),
    (*_bytes("tabs.html", b"\t\t \n"), "empty"),
    (*_bytes("random.txt", bytes(rng.randrange(256) for _ in range(4096))), "binary"),
    (*_bytes("random2.html", bytes(rng.randrange(256) for _ in range(50_000))), "binary"),
    (*_bytes("nul.txt", b"\x00" * 10_000), "binary"),
    (*_bytes("nul-mixed.txt", GOOD.encode().replace(b" ", b" \x00")), "binary"),
    (*_bytes("pdf.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "binary"),
    (*_bytes("png.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100), "binary"),
    (*_bytes("jpeg.txt", b"\xff\xd8\xff\xe0" + b"\x10" * 200), "binary"),
    (*_bytes("zip.txt", b"PK\x03\x04" + b"\x00" * 200), "binary"),
    (*_bytes("elf.html", b"\x7fELF" + b"\x02" * 200), "binary"),
    (*_bytes("gif.txt", b"GIF89a" + b"\x00" * 50), "binary"),
    (*_bytes("control.txt", bytes(range(1, 9)) * 500), "binary"),
    ("huge.txt", _big, "too_large"),
    (*_bytes("bomb.html.gz", gzip.compress(b"<p>" + b"a" * (LIMIT * 2))), "too_large"),
    (*_bytes("trunc.html.gz", gzip.compress(HTML_OK.encode())[:120]), "truncated_gzip"),
    (*_bytes("trunc2.txt.gz", gzip.compress(GOOD.encode() * 5)[:-20]), "truncated_gzip"),
    (*_bytes("corrupt.html.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 64), "corrupt_gzip"),
    (*_bytes("gz-empty.html.gz", gzip.compress(b"")), "empty"),
    (*_bytes("deep.html", _deep(100_000)), "too_many_elements"),
    (*_bytes("deep2.html", _deep(5_000)), "markup_too_deep"),
    (
        *_bytes(
            "script-only.html",
            b"<html><body><script>" + b"alert(1);" * 500 + b"</script></body></html>",
        ),
        "no_article_text",
    ),
    (
        *_bytes("empty-body.html", b"<html><head><title>x</title></head><body></body></html>"),
        "no_article_text",
    ),
    (
        *_bytes("nav-only.txt", b"Home\nNews\nSport\nWeather\nSearch\nMenu\nLog in\n"),
        "no_article_text",
    ),
    (*_bytes("headline-only.txt", b"Storm hits coast\n"), "no_article_text"),
    (*_bytes("punct.txt", b"!!! ??? ... --- ***\n" * 20), "no_article_text"),
    (*_bytes("emoji.txt", ("\U0001f600 \U0001f680 " * 200).encode()), "no_article_text"),
    (*_bytes("broken.jsonl", JSONL_BAD), None),
    (*_bytes("array.txt", b'[{"id": 1, "text": "x"}]'), "no_article_text"),
    ("loopdir", _loop, "directory_loop"),
    ("pipe.txt", _fifo, "not_a_file"),
    (*_bytes("second-good.txt", GOOD.replace("number 1", "number 3").encode()), "article"),
    (*_bytes("cp1252.txt", GOOD.replace("number 1", "number 4").encode("cp1252")), "article"),
    (
        *_bytes("latin1.txt", (make_dump(5).translate(STRAIGHT) + "Zürich\n").encode("latin-1")),
        "article",
    ),
    (*_bytes("utf16.txt", GOOD.replace("number 1", "number 6").encode("utf-16")), "article"),
    (
        *_bytes("bad-utf8.txt", GOOD.replace("number 1", "number 7").encode() + b"\xff\xfe\xc3("),
        "article",
    ),
    (
        *_bytes("crlf.txt", GOOD.replace("number 1", "number 8").replace("\n", "\r\n").encode()),
        "article",
    ),
    (
        *_bytes("broken.html", HTML_OK.replace("</p>", "").replace("</article>", "").encode()),
        "article",
    ),
    (*_bytes("good.html.gz", gzip.compress(HTML_OK.replace("storm", "gale").encode())), "article"),
    (
        *_bytes(
            "xss.html",
            HTML_OK.replace(
                "<h1>Port reopens</h1>",
                "<h1>Port <script>alert(1)</script><img src=x onerror=alert(2)></h1>",
            ).encode(),
        ),
        "article",
    ),
    (*_bytes("long-line.txt", ("word " * 200_000).encode()), None),
    (
        *_bytes(
            "attr.html", b'<html><body><p class="' + b"a" * 2_000_000 + b'">x</p></body></html>'
        ),
        "no_article_text",
    ),
    (
        *_bytes(
            "entities.html",
            b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
            b'&a;&a;&a;">]><html><body><p>&b;&b;&b;</p></body></html>',
        ),
        "no_article_text",
    ),
    (*_bytes("unclosed-comment.html", b"<html><body><!-- " + b"x" * 5000), "no_article_text"),
    (*_bytes("bidi.txt", ("\u202e" + GOOD.replace("number 1", "number 9")).encode()), "article"),
    (
        *_bytes("only-markup.html", b"<html>" + b"<div></div>" * 10_000 + b"</html>"),
        "too_many_children",
    ),
    (
        *_bytes("xml.html", b'<?xml version="1.0"?><rss><channel><item>x</item></channel></rss>'),
        "no_article_text",
    ),
    (*_bytes("good.txt", GOOD.encode()), "article"),
]


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], SqliteStore]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    for _, write, _ in CASES:
        write(corpus)
    store = SqliteStore(root / "h.db")
    settings = load_settings(env={}, max_bytes=LIMIT)
    summary = pipeline.ingest(read([str(corpus)], Hints(), LIMIT), store, settings)
    results: dict[str, str] = {}

    def top(path: str | None) -> str:
        # The case a result belongs to: the first part of its path inside the corpus.
        return Path(path or "").relative_to(corpus).parts[0]

    for rej in summary.rejects:
        assert rej.reason and rej.message, rej
        results.setdefault(top(rej.origin.path), rej.reason)
    for art in store.articles():
        results.setdefault(top(art.origin.path), "article")
    return results, store


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(
    ("name", "expected"), [(c[0], c[2]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_input_gets_its_outcome(
    outcome: tuple[dict[str, str], SqliteStore], name: str, expected: str | None
) -> None:
    results, _ = outcome
    assert name in results, f"{name} vanished without a reason"
    if expected is not None:
        assert results[name] == expected


def test_broken_jsonl_keeps_the_good_line(outcome: tuple[dict[str, str], SqliteStore]) -> None:
    _, store = outcome
    lines = sorted(
        r.origin.line or 0
        for r in store.rejects()
        if r.origin.path and r.origin.path.endswith("broken.jsonl")
    )
    assert lines == [1, 2, 3, 4, 5, 6, 7]
    kept = [a for a in store.articles() if a.origin.path and a.origin.path.endswith(".jsonl")]
    assert [a.origin.record_id for a in kept] == ["good"]


def test_store_is_sound_after_the_batch(outcome: tuple[dict[str, str], SqliteStore]) -> None:
    _, store = outcome
    assert store.integrity_check() == "ok"
