"""Turn raw bytes into text and a format (text dump, HTML or JSONL), or reject them."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass

from newsfuse.errors import RejectedInput
from newsfuse.ingest.charset import declared_charset, to_text
from newsfuse.models import SourceFormat

#: File name endings of news inputs and the format each suggests (content still decides); a
#: gzip form (``.gz`` after one of them) suggests the same. A folder or glob takes only these.
NAME_FORMATS: dict[str, SourceFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

# Signatures of binary files that are sometimes misnamed .txt or .html.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
)
# An HTML page starts with a doctype or a page-level tag, maybe after comments; a fragment
# starts with a block-level tag.
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6])[\s>/]",
    re.I | re.S,
)


_META = re.compile(r"<meta\b[^>]*>", re.I)


@dataclass(frozen=True)
class Decoded:
    """Decoded text of one input and the format it was recognised as."""

    text: str
    format: SourceFormat
    encoding: str
    #: How sure the encoding is, 0 to 1 (see :mod:`newsfuse.ingest.charset`).
    confidence: float = 1.0


def decode(
    data: bytes, name: str | None, max_bytes: int, content_type: str | None = None
) -> Decoded:
    """Decompress, detect the encoding and the format of ``data``.

    Args:
        data: the bytes read (at most ``max_bytes + 1``).
        name: the file name, a hint for the format only; content decides.
        max_bytes: the size limit, applied before and after decompression.
        content_type: the HTTP ``Content-Type`` the bytes came with, if any: its charset,
            else a ``<meta charset>`` near the top of a page, is the declared encoding
            (see :func:`newsfuse.ingest.charset.to_text`).

    Raises:
        RejectedInput: empty, oversized, binary, truncated or undecodable input.
    """
    if len(data) > max_bytes:
        raise RejectedInput(
            "too_large", f"input exceeds {max_bytes} bytes; raise NEWSFUSE_MAX_BYTES"
        )
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    if not data.strip():
        raise RejectedInput("empty", "the input has no content")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise RejectedInput("binary", f"the input is {what}, not a news report")
    declared = declared_charset(content_type) or _meta_charset(data)
    decoded = to_text(data, declared)
    text = decoded.text
    if _control_share(text) > 0.05:
        raise RejectedInput("binary", "the input is mostly control characters: it is not text")
    if not text.strip():
        raise RejectedInput("empty", "the input has only white space")
    return Decoded(text, _sniff(text, name), decoded.encoding, decoded.confidence)


def _meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 2 KB (where HTML
    requires it), or None."""
    head = data[:2048].decode("latin-1")
    for tag in _META.findall(head):
        charset = declared_charset(tag)
        if charset:
            return charset
    return None


def format_by_name(name: str) -> SourceFormat | None:
    """The format a file name suggests (``page.html.gz`` -> html), or None for other names."""
    lower = name.lower().removesuffix(".gz")
    dot = lower.rfind(".")
    return NAME_FORMATS.get(lower[dot:]) if dot >= 0 else None


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Every member of a gzip file, decompressed as a stream: a bomb (one member or many) stops
    at the limit instead of filling memory."""
    out: list[bytes] = []
    size, rest = 0, data
    while rest[:2] == b"\x1f\x8b":
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = dec.decompress(rest, max_bytes + 1 - size)
        except zlib.error as exc:
            raise RejectedInput("corrupt_gzip", f"gzip data is damaged ({exc})") from exc
        size += len(chunk)
        out.append(chunk)
        if size > max_bytes:
            raise RejectedInput(
                "too_large",
                f"decompressed input exceeds {max_bytes} bytes; raise NEWSFUSE_MAX_BYTES",
            )
        if not dec.eof:
            raise RejectedInput(
                "truncated_gzip", "the gzip stream ends early; the file is truncated"
            )
        rest = dec.unused_data
    # What follows the last member (padding, a trailer some tools add) is ignored, as gzip -d
    # does; it is not part of the compressed text.
    return b"".join(out)


def _control_share(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    return bad / max(1, len(sample))


def _sniff(text: str, name: str | None) -> SourceFormat:
    # By structure at the start, not by tag names: a text dump may well mention <p> or <div>.
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    by_name = format_by_name(name or "")
    start = head.lstrip()[:1]
    if start in ("{", "[") and (by_name == "jsonl" or _is_json(text)):
        return "jsonl"
    return by_name or "text"


def _is_json(text: str) -> bool:
    """Whether the first line is a JSON object (a JSONL feed), or the whole text is JSON (a
    pretty-printed document, which the JSONL reader accepts as one record or rejects)."""
    first = text.lstrip().split("\n", 1)[0]
    for candidate in (first, text):
        try:
            value = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        except (ValueError, RecursionError):
            return True  # JSON, but too deep or with too long a number: the reader says why
        return candidate is text or isinstance(value, dict)
    return False
