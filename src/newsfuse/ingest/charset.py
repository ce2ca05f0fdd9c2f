"""Bytes to text: which encoding, and how sure; a guess is made only with evidence.

The order: a byte order mark; UTF-32/UTF-16 without one (NUL bytes in a regular pattern);
UTF-8, forgiving one character cut off at the end; UTF-8 with some lines in a single-byte
codec (mixed, flagged); otherwise a single-byte codec. For Latin text (most letters ASCII)
the candidates are the Western codecs first, then the others Latin text is met in, and the
one whose decoding reads as words wins, ties going to the Western one. Only text whose
letters are mostly not ASCII (Cyrillic, Greek, CJK...) is left to charset_normalizer.

Why a hand-written score for Latin text: charset_normalizer judges a few accented letters
among thousands of ASCII ones as a tie between many codecs (measured: Latin-1 Portuguese came
back as cp1250, "Inęs"; German cp1252 as cp850; Mac Roman as mac_iceland), because its mess
detector needs many non-ASCII bytes to tell them apart. The score below looks at just those
few characters: a symbol or a lower-to-upper case switch inside a word is what a wrong
codec produces.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsfuse.errors import RejectedInput

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 LE first: its mark begins with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
#: Single-byte codecs Latin text is met in, most likely first (ties go to the earlier).
LATIN_CODECS = (
    "cp1252",
    "cp1250",
    "iso8859_2",
    "mac_roman",
    "cp437",
    "cp850",
    "cp1254",
    "cp1257",
)
_CJK = ("shift_jis", "cp932", "euc_jp", "big5", "gb2312", "gb18030", "euc_kr", "cp949")
# Valid multi-byte UTF-8 sequences: the evidence that part of a file is UTF-8.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Typographic marks Western text uses; outside a word they are normal.
_PUNCT = set("’‘“”„–—…«»°€£¥©®™§¶·•¿¡\xa0′″‹›")
#: The charset parameter of a Content-Type value or a <meta> tag.
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SAMPLE = 200_000
# cp1252 with the five bytes it leaves undefined read as Latin-1, as browsers do.
_CP1252 = "".join(
    chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
    for b in range(256)
)


@dataclass(frozen=True)
class Text:
    """Decoded text, the encoding it was read in, and how sure that is (0 to 1)."""

    text: str
    encoding: str
    confidence: float


def to_text(data: bytes, declared: str | None = None) -> Text:
    """Decode ``data``; NUL bytes (a few, from a broken export) are dropped.

    Args:
        data: the bytes.
        declared: the charset the source names (an HTTP ``Content-Type``, a page's
            ``<meta charset>``). A byte order mark and valid UTF-8 still come first, since
            pages in UTF-8 labelled ISO-8859-1 are common and the reverse reads as errors; then
            the declared charset, when the bytes decode in it; then a guess.

    Raises:
        RejectedInput: ``binary`` when NUL bytes run through the input in no text pattern.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return Text(_clean(data[len(bom) :].decode(codec, errors="replace")), name, 1.0)
    wide = _wide(data)
    if wide is not None:
        return wide
    if data.count(b"\x00") > max(8, len(data) // 1000):
        raise RejectedInput("binary", "the input has NUL bytes throughout: it is not text")
    data = data.replace(b"\x00", b"")
    try:
        return Text(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            # A file cut off inside its last character is still UTF-8: drop that character.
            return Text(data[: exc.start].decode("utf-8"), "utf-8", 1.0)
    named = _declared(data, declared)
    if named is not None:
        return named
    if _has_utf8_line(data[:_SAMPLE]):
        return Text(_mixed(data), "utf-8+cp1252", 0.5)
    return _single_byte(data)


def declared_charset(content_type: str | None) -> str | None:
    """The charset an HTTP ``Content-Type`` value names ("text/html; charset=KOI8-R"), or None."""
    match = _CHARSET.search(content_type or "")
    return match[1] if match else None


def _declared(data: bytes, declared: str | None) -> Text | None:
    """``data`` in the charset its source names, when the name is known and the bytes decode
    in it without error; None otherwise (an unknown name, or bytes the charset has no
    character for, say the declaration was wrong)."""
    if not declared:
        return None
    try:
        codec = codecs.lookup(declared.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    # As browsers do (the WHATWG Encoding standard), Latin-1 and ASCII labels mean
    # windows-1252: their pages use its quotes and dashes in 0x80-0x9F.
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"
    if codec.startswith(("utf-16", "utf-32")) or codec == "utf-8":
        return None  # decided above, from the bytes themselves
    try:
        text = _cp1252(data) if codec == "cp1252" else data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    # Named by the source and consistent with every byte: surer than any guess, not certain.
    return Text(text, codec, 0.95)


def _clean(text: str) -> str:
    return text.replace("\x00", "")


def _wide(data: bytes) -> Text | None:
    """UTF-32 or UTF-16 without a byte order mark, told by where the NUL bytes fall (mostly
    ASCII text has one NUL per UTF-16 unit, three per UTF-32 unit)."""
    head = data[:4096]
    if len(head) < 8 or head.count(0) < len(head) // 4:
        return None
    columns = [head[i::4] for i in range(4)]
    zero = [c.count(0) / max(1, len(c)) for c in columns]
    for codec, zeros, width in (
        ("utf-32-le", (1, 2, 3), 4),
        ("utf-32-be", (0, 1, 2), 4),
        ("utf-16-le", (1, 3), 2),
        ("utf-16-be", (0, 2), 2),
    ):
        text_cols = [i for i in range(4) if i not in zeros]
        if all(zero[i] > 0.9 for i in zeros) and all(zero[i] < 0.1 for i in text_cols):
            body = data[: len(data) - len(data) % width]
            try:
                return Text(_clean(body.decode(codec)), codec, 0.9)
            except UnicodeDecodeError:
                return None
    return None


def _has_utf8_line(data: bytes) -> bool:
    """Whether some line is valid UTF-8 with non-ASCII characters, while the whole is not:
    the evidence for a mixed file (in a single-byte file, every non-ASCII byte of a line
    forming valid UTF-8 by chance is rare)."""
    for line in data.split(b"\n")[:-1]:  # the last line of a sample may be cut off
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _mixed(data: bytes) -> str:
    """UTF-8 where a line is valid UTF-8, cp1252 where it is not (files concatenated from
    sources in different encodings); within a line that fails, runs of valid UTF-8 are kept."""
    out: list[str] = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(_mixed_line(line))
    return "\n".join(out)


def _mixed_line(line: bytes) -> str:
    parts: list[str] = []
    pos = 0
    for m in _UTF8_MULTI.finditer(line):
        parts.append(_cp1252(line[pos : m.start()]))
        parts.append(m.group().decode("utf-8", errors="replace"))
        pos = m.end()
    parts.append(_cp1252(line[pos:]))
    return "".join(parts)


def _cp1252(data: bytes) -> str:
    return codecs.charmap_decode(data, "strict", _CP1252)[0]


def _single_byte(data: bytes) -> Text:
    western = data.decode("cp1252", errors="replace")
    letters = [ch for ch in western[:_SAMPLE] if ch.isalpha()]
    foreign = sum(1 for ch in letters if ord(ch) > 127)
    if foreign <= 0.35 * len(letters):
        return _latin(data)
    match = from_bytes(data[:_SAMPLE]).best()
    if match is not None and match.encoding not in LATIN_CODECS:
        high = sum(1 for b in data[:_SAMPLE] if b > 127) / max(1, min(len(data), _SAMPLE))
        # A multi-byte East Asian codec reads most bytes as high ones; with few of them the
        # guess is a Latin text misread (cp437 as Big5, Mac Roman as Shift-JIS).
        if match.encoding not in _CJK or high > 0.3:
            text = data.decode(match.encoding, errors="replace")
            return Text(text, match.encoding, round(0.9 * (1.0 - match.chaos), 2))
    return _latin(data)


def _latin(data: bytes) -> Text:
    # Scored on a sample, so that only the winner decodes the whole input.
    sample = data[:_SAMPLE]
    scores = {codec: plausibility(_single(sample, codec)) for codec in LATIN_CODECS}
    codec = max(LATIN_CODECS, key=lambda c: scores[c])  # max keeps the first of equals
    score, text = scores[codec], _single(data, codec)
    # A single-byte codec is a guess even when its text reads well: never full confidence.
    return Text(text, codec, round(max(0.0, min(1.0, score)) * 0.9, 2))


def _single(data: bytes, codec: str) -> str:
    return _cp1252(data) if codec == "cp1252" else data.decode(codec, errors="replace")


def plausibility(text: str) -> float:
    """How well the non-ASCII characters of ``text`` read as Latin-script text, from -2 to 1:
    +1 for a Latin letter in place or a typographic mark outside a word, -2 for a control
    character, a replacement character, a symbol inside a word, a letter of another script
    or an upper-case letter after a lower-case one inside a word. 1 when all is ASCII."""
    good = bad = 0
    for m in _NON_ASCII.finditer(text):
        ch, i = m.group(), m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        inside = before.isalpha() and after.isalpha()
        if ch.isalpha():
            latin = unicodedata.name(ch, "").startswith("LATIN")
            switch = ch.isupper() and before.islower()
            bad += int(not latin or switch)
            good += int(latin and not switch)
        elif ch in _PUNCT:
            wrong = inside and ch not in "’·"
            bad += int(wrong)
            good += int(not wrong)
        elif unicodedata.category(ch)[0] == "C" or ch == "\ufffd" or inside:
            bad += 1
    total = good + bad
    return 1.0 if total == 0 else (good - 2 * bad) / total
