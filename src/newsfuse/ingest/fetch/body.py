"""Read an HTTP answer's body within limits: size after decompression, and a deadline."""

from __future__ import annotations

import time
import zlib

import httpx

from newsfuse.errors import RejectedInput

#: Content codings asked for; each is decompressed here, a chunk at a time, so that a small
#: compressed answer (a gzip bomb) can never expand past the size limit in memory.
ACCEPT_ENCODING = "gzip, deflate"


def read_body(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """The decoded body of a streamed ``response``, at most ``max_bytes``.

    Args:
        response: an answer opened with ``stream=True``; its raw bytes are read here.
        max_bytes: the largest body accepted, after decompression.
        deadline: ``time.monotonic()`` value by which the whole body must have arrived; a
            server that drips bytes slowly is cut off there.

    Raises:
        RejectedInput: ``too_large``, ``timeout``, ``corrupt_gzip`` or ``unsupported_encoding``.
    """
    declared = response.headers.get("content-length", "")
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    if declared.isdigit() and int(declared) > max_bytes and coding == "identity":
        raise RejectedInput(
            "too_large", f"the answer declares {declared} bytes, over the limit of {max_bytes}"
        )
    decoder = _decoder(coding)
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():
        if time.monotonic() > deadline:
            raise RejectedInput("timeout", "the answer did not arrive in time; it was cut off")
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as exc:
                raise RejectedInput(
                    "corrupt_gzip", f"compressed answer is damaged ({exc})"
                ) from exc
            # Output is capped at one byte over the limit: a capped chunk is rejected below.
        size += len(chunk)
        if size > max_bytes:
            raise RejectedInput(
                "too_large", f"the answer exceeds {max_bytes} bytes; raise NEWSFUSE_MAX_BYTES"
            )
        parts.append(chunk)
    return b"".join(parts)


def _decoder(coding: str) -> zlib._Decompress | None:
    if coding in ("identity", ""):
        return None
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return zlib.decompressobj()
    raise RejectedInput(
        "unsupported_encoding", f"the answer is compressed as {coding!r}, which was not asked for"
    )
