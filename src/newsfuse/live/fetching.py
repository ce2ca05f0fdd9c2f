"""Fetch pages by URL and ingest them; a page fetched again with new text is a revision."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime

from newsfuse.errors import NotFound, RejectedInput
from newsfuse.ingest.fetch import Fetcher, clean_url, page_document
from newsfuse.models import (
    FeedEntry,
    FetchRecord,
    FetchSummary,
    IngestSummary,
    Origin,
    RawDocument,
    Rejected,
)
from newsfuse.pipeline import content_key, ingest, process, settle
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store

#: Asked between pages: True when a signal asked the run to stop.
Stop = Callable[[], bool]


def never() -> bool:
    """The default :data:`Stop`: nothing asks to stop."""
    return False


def fetch_urls(
    urls: Iterable[str],
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    analyse: bool = True,
    progress: Progress = unwatched,
    stop: Stop = never,
) -> FetchSummary:
    """Fetch every URL, ingest what it gives, then put the new articles into stories (and,
    with ``analyse``, analyse them). A URL fetched before is asked for again conditionally
    (its ETag and Last-Modified): unchanged text adds nothing, new text is a revision."""
    todo = list(dict.fromkeys(urls))
    records = []
    progress("fetching", 0, len(todo))
    for done, url in enumerate(todo, 1):
        if stop():
            break
        records.append(fetch_page(url, store, settings, fetcher))
        progress("fetching", done, len(todo))
    interrupted = len(records) < len(todo)
    return finish(records, store, analyse, progress, interrupted, settings.compares_at_ingest)


def finish(
    records: list[FetchRecord],
    store: Store,
    analyse: bool,
    progress: Progress = unwatched,
    interrupted: bool = False,
    compare: bool = True,
) -> FetchSummary:
    """Count what the fetches came to, and cluster (and analyse, compare and code) the new
    articles; without ``compare`` the changed stories' comparisons are left for later."""
    settled = settle(IngestSummary(), store, analyse, progress, compare=compare)
    ok = [r for r in records if r.status == "ok"]
    return FetchSummary(
        stored=sum(r.previous_id is None for r in ok),
        revised=sum(r.previous_id is not None for r in ok),
        unchanged=sum(r.status in ("unchanged", "not_modified") for r in records),
        rejected=sum(r.status == "rejected" for r in records),
        records=tuple(records),
        clustered=settled.clustered,
        analysed=settled.analysed,
        interrupted=interrupted,
    )


def fetch_page(
    url: str,
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    entry: FeedEntry | None = None,
    feed_url: str | None = None,
) -> FetchRecord:
    """Fetch one page and ingest it; record what it came to (see :class:`FetchRecord`).

    The fetch state is written after the article: a run killed in between fetches the page
    again, and its content key makes the article's second ingest add nothing. A failure is
    recorded with its reason (and as a reject), never raised.
    """
    now = datetime.now(UTC).isoformat(timespec="seconds")
    stamp = entry_mark(entry) if entry else None
    try:
        url = clean_url(url)
    except RejectedInput as exc:
        return _rejected(store, FetchRecord(url, "rejected", now, feed_url=feed_url), exc)
    before = store.fetch_state(url)
    previous = _existing(store, before.article_id if before else None)
    base = FetchRecord(
        url, "rejected", now, article_id=previous, feed_url=feed_url, entry_stamp=stamp
    )
    if before is not None and before.status == "rejected":
        base = replace(base, attempts=before.attempts + 1)
    try:
        page = fetcher.get(
            url,
            etag=before.etag if before and previous else None,
            last_modified=before.last_modified if before and previous else None,
        )
        record = replace(
            base,
            fetched_at=page.fetched_at,
            final_url=page.final_url,
            etag=page.etag,
            last_modified=page.last_modified,
            attempts=1,
        )
        if page.status == 304:
            record = replace(record, status="not_modified", etag=before.etag if before else None)
        else:
            record = _ingest(
                page_document(page, entry, settings.max_bytes), record, store, settings
            )
    except RejectedInput as exc:
        return _rejected(store, base, exc)
    except Exception as exc:  # a page that breaks a stage is recorded; the run goes on
        failure = RejectedInput("failed", f"{type(exc).__name__}: {exc}"[:500])
        return _rejected(store, base, failure)
    store.record_fetch(record)
    return record


def entry_mark(entry: FeedEntry) -> str:
    """What tells a revised feed entry from one seen: its update time and its title."""
    return f"{entry.stamp or ''}\n{entry.title or ''}"


def _ingest(raw: RawDocument, record: FetchRecord, store: Store, settings: Settings) -> FetchRecord:
    article_id = content_key(raw)[:16]
    previous = record.article_id
    if previous == article_id or (previous and _same_text(store, previous, raw, settings)):
        return replace(record, status="unchanged")
    summary = ingest([raw], store, settings)
    if summary.rejects:
        rej = summary.rejects[0]
        return replace(record, status="rejected", reason=rej.reason, message=rej.message)
    return replace(record, status="ok", article_id=article_id, previous_id=previous)


def _same_text(store: Store, previous: str, raw: RawDocument, settings: Settings) -> bool:
    """Whether the page's report has the stored article's body text: a page whose markup
    changed around the same report (a new advert, a clock), or that comes with other hints
    (a feed's title and outlet after a fetch by URL), is not a revision of it."""
    try:
        new = process(raw, settings)
    except RejectedInput:
        return False  # ingest rejects it again, with the reason
    return new.text() == store.article(previous).text()


def _existing(store: Store, article_id: str | None) -> str | None:
    if article_id is None:
        return None
    try:
        return store.article(article_id).id
    except NotFound:  # deleted since: the next text is a new report, not a revision
        return None


def _rejected(store: Store, record: FetchRecord, exc: RejectedInput) -> FetchRecord:
    record = replace(record, status="rejected", reason=exc.reason, message=exc.message)
    store.add_reject(Rejected(Origin(path=record.url), exc.reason, exc.message))
    store.record_fetch(record)
    return record
