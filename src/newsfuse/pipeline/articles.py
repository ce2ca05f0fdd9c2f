"""The first stages for each input: clean, describe and store it, or record why it was refused."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

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

__all__ = ["Cleaned", "content_key", "ingest", "prepare", "process"]


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


@dataclass(frozen=True)
class Cleaned:
    """One raw document cleaned and described, or refused: what :func:`prepare` gives.

    Plain data: it crosses from the process that cleaned it (a worker, a Spark executor) to
    the one that stores it.
    """

    #: The content key of the raw document (see :func:`content_key`).
    key: str
    #: The article, not yet named after its outlet (that needs the store), or why it was refused.
    outcome: Article | Rejected
    #: The warning to record when the article is stored: its encoding was only guessed.
    warning: Rejected | None = None


def prepare(raw: RawDocument, settings: Settings, key: str | None = None) -> Cleaned:
    """Clean and describe one raw document, a refusal or failure becoming a :class:`Rejected`.

    This is the half of ingest that needs no store, so it can run anywhere.
    """
    key = key or content_key(raw)
    try:
        article = process(raw, settings, key)
    except RejectedInput as exc:
        return Cleaned(key, Rejected(raw.origin, exc.reason, exc.message, key))
    except RecursionError:
        return Cleaned(
            key, Rejected(raw.origin, "markup_too_deep", "the page nests too deep to parse", key)
        )
    except Exception as exc:  # noqa: BLE001 - one broken input never stops the batch
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return Cleaned(key, Rejected(raw.origin, "clean_failed", message, key))
    uncertain = raw.encoding_confidence < settings.min_encoding_confidence
    return Cleaned(key, article, encoding_warning(raw, article.id) if uncertain else None)


def ingest(
    items: Iterable[RawDocument | Cleaned | Rejected | Skipped | PassedOver],
    store: Store,
    settings: Settings,
    progress: Progress = unwatched,
) -> IngestSummary:
    """Process and store each item; a rejected item is recorded and the batch goes on.

    A raw document is prepared here (see :func:`prepare`) unless it is stored already; an
    item prepared elsewhere is stored as it is, in its place in the order. A skipped file or
    archive record (no report) is only counted; an encoding guessed with low confidence adds
    a warning; an article without an outlet takes the one its URL names. Each article is
    written in its own transaction, so an interrupted run resumes: a rerun skips what is
    stored (same content key) and adds the rest.
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
        if isinstance(item, RawDocument | Cleaned):
            key = item.key if isinstance(item, Cleaned) else content_key(item)
            # Checked before cleaning: a rerun does not clean again what it stored.
            ready = None if store.has_content(key) else _ready(item, settings, key)
            if ready is None:
                present += 1
            elif isinstance(ready.outcome, Rejected):
                item = ready.outcome
            elif store.add_article(named(ready.outcome, outlets)):
                ingested += 1
                ids.append(ready.outcome.id)
                if ready.warning is not None:
                    warned.append(ready.warning)
            else:
                present += 1
        if isinstance(item, Rejected):
            store.add_reject(item)
            rejects.append(item)
        progress("cleaning", ingested + present + len(rejects), None)
    rej, skips, warns = tuple(rejects), tuple(dict.fromkeys(skipped)), tuple(warned)
    summary = IngestSummary(ingested, present, len(rej), tuple(ids), rej, skips, warnings=warns)
    return replace(summary, passed_over=tuple(sorted(passed.items())))


def _ready(item: RawDocument | Cleaned, settings: Settings, key: str) -> Cleaned:
    return item if isinstance(item, Cleaned) else prepare(item, settings, key)
