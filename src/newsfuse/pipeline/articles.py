"""The first stages for each input: clean, describe and store it, or record why it was refused."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from newsfuse.clean import clean
from newsfuse.clean.metadata import describe
from newsfuse.errors import RejectedInput
from newsfuse.ingest import Skipped
from newsfuse.models import Article, IngestSummary, RawDocument, Rejected
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store

__all__ = ["content_key", "ingest", "process"]

_WORDS = re.compile(r"\w+")


def content_key(raw: RawDocument) -> str:
    """Identity of a report: its text plus the outlet and URL it was published under.

    The same text under another outlet or URL is another report (a republication, which the
    story stage recognises as a copy); the same text again under the same names adds nothing.
    """
    h = hashlib.sha256()
    for part in (raw.format, raw.text.strip(), raw.hints.outlet or "", raw.hints.url or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def process(raw: RawDocument, settings: Settings, key: str | None = None) -> Article:
    """Clean and describe one raw document.

    Raises:
        RejectedInput: when no article text is found, or too little of it.
    """
    key = key or content_key(raw)
    page = clean(raw)
    words = sum(len(_WORDS.findall(b.text)) for b in page.body)
    if words < settings.min_body_words:
        raise RejectedInput(
            "no_article_text",
            f"only {words} words of article text found (fewer than {settings.min_body_words}); "
            "is this a news report? Set NEWSFUSE_MIN_BODY_WORDS to accept shorter ones",
        )
    extra = dict(raw.hints.extra)
    extra.setdefault("encoding", raw.encoding)
    return Article(
        id=key[:16],
        content_key=key,
        origin=raw.origin,
        format="jsonl" if raw.via_jsonl else raw.format,
        meta=describe(page, raw.hints),
        body=page.body,
        captions=page.captions,
        chrome=page.chrome,
        extra=extra,
    )


def ingest(
    items: Iterable[RawDocument | Rejected | Skipped],
    store: Store,
    settings: Settings,
    progress: Progress = unwatched,
) -> IngestSummary:
    """Process and store each item; a rejected item is recorded and the batch goes on.

    A skipped file (no news input by its name) is only counted in the summary.

    Each article is written in its own transaction, so an interrupted run resumes where it
    stopped: a rerun skips what is stored (same content key) and adds the rest.
    """
    ingested, present = 0, 0
    ids: list[str] = []
    rejects: list[Rejected] = []
    skipped: list[str] = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item.path)
            continue
        if isinstance(item, RawDocument):
            key = content_key(item)
            if store.has_content(key):
                present += 1
            else:
                try:
                    article = process(item, settings, key)
                except RejectedInput as exc:
                    item = Rejected(item.origin, exc.reason, exc.message, key)
                except RecursionError:
                    item = Rejected(
                        item.origin, "markup_too_deep", "the page nests too deep to parse", key
                    )
                except Exception as exc:  # noqa: BLE001 - one broken input never stops the batch
                    message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
                    item = Rejected(item.origin, "clean_failed", message, key)
                else:
                    if store.add_article(article):
                        ingested += 1
                        ids.append(article.id)
                    else:
                        present += 1
        if isinstance(item, Rejected):
            store.add_reject(item)
            rejects.append(item)
        progress("cleaning", ingested + present + len(rejects), None)
    return IngestSummary(
        ingested, present, len(rejects), tuple(ids), tuple(rejects), tuple(dict.fromkeys(skipped))
    )
