"""The first stages for each input: clean, describe and store it, or record why it was refused."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from newsfuse.clean import clean
from newsfuse.clean.body import check_body
from newsfuse.clean.metadata import describe
from newsfuse.errors import RejectedInput
from newsfuse.ingest import PassedOver, Skipped, encoding_warning
from newsfuse.models import Article, IngestSummary, RawDocument, Rejected
from newsfuse.outlets import OutletIndex, named
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store

__all__ = ["content_key", "ingest", "process"]


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
        RejectedInput: when no article text is found, too little of it or junk, or the input
            is over a limit or the time budget of cleaning.
    """
    key = key or content_key(raw)
    page = clean(raw, settings)
    check_body(page.body, settings.min_body_words)
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
        encoding_confidence=raw.encoding_confidence,
    )


def ingest(
    items: Iterable[RawDocument | Rejected | Skipped | PassedOver],
    store: Store,
    settings: Settings,
    progress: Progress = unwatched,
) -> IngestSummary:
    """Process and store each item; a rejected item is recorded and the batch goes on.

    A skipped file or archive record (no report) is only counted; an encoding guessed with low
    confidence adds a warning; an article without an outlet takes the one its URL names.
    Each article is written in its own transaction, so an interrupted run resumes: a rerun
    skips what is stored (same content key) and adds the rest.
    """
    ingested, present = 0, 0
    ids: list[str] = []
    rejects: list[Rejected] = []
    skipped: list[str] = []
    warned: list[Rejected] = []
    passed: Counter[str] = Counter()
    outlets = OutletIndex(store.outlet_records())
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item.path)
            continue
        if isinstance(item, PassedOver):
            passed[item.reason] += 1
            continue
        if isinstance(item, RawDocument):
            key = content_key(item)
            if store.has_content(key):
                present += 1
            else:
                try:
                    article = named(process(item, settings, key), outlets)
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
                        if item.encoding_confidence < settings.min_encoding_confidence:
                            warned.append(encoding_warning(item, article.id))
                    else:
                        present += 1
        if isinstance(item, Rejected):
            store.add_reject(item)
            rejects.append(item)
        progress("cleaning", ingested + present + len(rejects), None)
    rej, skips, warns = tuple(rejects), tuple(dict.fromkeys(skipped)), tuple(warned)
    summary = IngestSummary(ingested, present, len(rej), tuple(ids), rej, skips, warnings=warns)
    return replace(summary, passed_over=tuple(sorted(passed.items())))
