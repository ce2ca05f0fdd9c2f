"""Turn raw bytes into text and a format (text dump, HTML or JSONL), or reject them."""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsfuse.errors import RejectedInput
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
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_TAG = re.compile(rb"</?(p|div|span|a|h[1-6]|article|section|br|meta|title|script)\b", re.I)


@dataclass(frozen=True)
class Decoded:
    """Decoded text of one input and the format it was recognised as."""

    text: str
    format: SourceFormat
    encoding: str


def decode(data: bytes, name: str | None, max_bytes: int) -> Decoded:
    """Decompress, detect the encoding and the format of ``data``.

    Args:
        data: the bytes read (at most ``max_bytes + 1``).
        name: the file name, a hint for the format only; content decides.
        max_bytes: the size limit, applied before and after decompression.

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
    text, encoding = _to_text(data)
    if _control_share(text) > 0.05:
        raise RejectedInput("binary", "the input is mostly control characters: it is not text")
    if not text.strip():
        raise RejectedInput("empty", "the input has only white space")
    return Decoded(text, _sniff(data, text, name), encoding)


def format_by_name(name: str) -> SourceFormat | None:
    """The format a file name suggests (``page.html.gz`` -> html), or None for other names."""
    lower = name.lower().removesuffix(".gz")
    dot = lower.rfind(".")
    return NAME_FORMATS.get(lower[dot:]) if dot >= 0 else None


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    # A streaming decompressor bounds memory: a small gzip bomb cannot expand past the limit.
    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = dec.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise RejectedInput("corrupt_gzip", f"gzip data is damaged ({exc})") from exc
    if len(out) > max_bytes:
        raise RejectedInput("too_large", f"decompressed input exceeds {max_bytes} bytes")
    if not dec.eof:
        raise RejectedInput("truncated_gzip", "the gzip stream ends early; the file is truncated")
    if dec.unused_data.startswith(b"\x1f\x8b"):
        # Concatenated gzip members are legal; the standard decoder handles them whole.
        try:
            return gzip.decompress(data)[: max_bytes + 1]
        except (OSError, EOFError) as exc:
            raise RejectedInput("corrupt_gzip", f"gzip data is damaged ({exc})") from exc
    return out


def _to_text(data: bytes) -> tuple[str, str]:
    if data.count(b"\x00") > max(8, len(data) // 1000) and not _is_utf16(data):
        raise RejectedInput("binary", "the input has NUL bytes throughout: it is not text")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = from_bytes(data[:200_000]).best()
    encoding = match.encoding if match is not None else "cp1252"
    text = data.decode(encoding, errors="replace")
    if encoding != "cp1252" and _same_as_cp1252(data, text):
        # Western web text is overwhelmingly cp1252; where another guess reads the bytes the
        # same way, name the common one so that stored encodings are comparable.
        encoding = "cp1252"
    return text.replace("\x00", ""), encoding


def _same_as_cp1252(data: bytes, text: str) -> bool:
    try:
        return data.decode("cp1252") == text
    except UnicodeDecodeError:
        return False


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _control_share(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    return bad / max(1, len(sample))


def _sniff(data: bytes, text: str, name: str | None) -> SourceFormat:
    head = data[:4096]
    if _HTML_START.match(head):
        return "html"
    by_name = format_by_name(name or "")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if first.lstrip().startswith("{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            if by_name == "jsonl":
                return "jsonl"
    if by_name is not None and by_name != "text":
        return by_name
    if len(_TAG.findall(head)) >= 5:
        return "html"
    return "text"
