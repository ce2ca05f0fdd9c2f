"""The order of stages, written once.

read -> decode -> clean -> describe -> store, then per batch: stories (incremental), analyse,
events. Slow stages tell a :data:`~newsfuse.progress.Progress` callback how far they got.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from newsfuse.clean import clean
from newsfuse.clean.body import check_body
from newsfuse.clean.metadata import describe
from newsfuse.errors import RejectedInput
from newsfuse.ingest import Limits, PassedOver, Skipped, encoding_warning, read
from newsfuse.models import Article, Hints, IngestSummary, RawDocument, Rejected
from newsfuse.outlets import OutletIndex, named
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store
from newsfuse.store.stories import story_input
from newsfuse.stories.cluster.index import StoryIndex, recluster_index
from newsfuse.stories.cluster.stored import StoredStories
from newsfuse.stories.copies.index import ANCHOR_POSTINGS, CopyIndex
from newsfuse.stories.copies.stored import StoredCopies


def ingest_paths(
    paths: list[str],
    hints: Hints,
    store: Store,
    settings: Settings,
    analyse: bool = True,
    progress: Progress = unwatched,
) -> IngestSummary:
    """Ingest what ``paths`` name (files, folders, globs, ``-``), then put it into stories and,
    with ``analyse``, read entities, quotes and dates and code events; each stage tells
    ``progress`` how far it got. Returns the counts of every stage."""
    items = read(paths, hints, settings.max_bytes, progress, Limits.of(settings))
    return ingest_items(items, store, settings, analyse, progress)


def ingest_items(
    items: Iterable[RawDocument | Rejected | Skipped | PassedOver],
    store: Store,
    settings: Settings,
    analyse: bool = True,
    progress: Progress = unwatched,
) -> IngestSummary:
    """Store ``items`` (see :func:`ingest`), then put them into stories and, with ``analyse``,
    read entities, quotes and dates and code events. Returns the counts of every stage."""
    summary = ingest(items, store, settings, progress)
    clustered = assign_stories(store, progress=progress)
    analysed = analyse_pending(store, progress=progress) if analyse else 0
    coded = code_events_pending(store, progress) if analyse else 0
    return replace(summary, clustered=clustered, analysed=analysed, coded=coded)


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


def analyse_pending(store: Store, batch_size: int = 16, progress: Progress = unwatched) -> int:
    """Analyse every stored article that has no current analysis; return how many.

    Each article's analysis is written in its own transaction, so an interrupted run is
    resumed by running it again.
    """
    # Imported here: loading spaCy takes seconds, which ingest-only runs should not pay.
    from newsfuse.extract.analyse import ANALYSIS_VERSION, analyse, to_json

    done, total = 0, store.count_unanalysed(ANALYSIS_VERSION)
    progress("analysing", 0, total)
    while batch := store.unanalysed(ANALYSIS_VERSION, batch_size):
        estimates = {
            a.id: d
            for a in batch
            if not a.meta.published and (d := _story_date(store, a.id)) is not None
        }
        for result in analyse(batch, estimates=estimates):
            store.add_analysis(to_json(result))
            done += 1
            progress("analysing", done, max(done, total))
    return done


def _story_date(store: Store, article_id: str) -> date | None:
    """The earliest publication date among the article's story mates, if any has one."""
    story_id = store.story_of(article_id)
    if story_id is None:
        return None
    dates = [
        a.meta.published[:10]
        for a in store.articles_by_ids(store.story_article_ids(story_id))
        if a.meta.published
    ]
    try:
        return date.fromisoformat(min(dates)) if dates else None
    except ValueError:
        return None


def assign_stories(store: Store, batch_size: int = 1000, progress: Progress = unwatched) -> int:
    """Put every article that belongs to no story yet into one, incrementally.

    The story index is read from the store as the new articles need it (their terms, their
    candidate stories, their copies' candidates), fed the new articles in a canonical order
    (publication time, then id: the same whatever the order of the input files), and the
    rows it changed are saved with the changed stories in one transaction, so an interrupted
    run changes nothing and the next run redoes it. The cost follows the new articles, not the
    size of the store.
    """
    upgrade_index(store)
    pending = store.unassigned_ids()
    if not pending:
        return 0
    copies = StoredCopies(store, ANCHOR_POSTINGS)
    state = StoredStories(store, copies)
    index = StoryIndex(backend=state, copies=CopyIndex(copies))
    touched: set[str] = set()
    merges: list[tuple[str, str]] = []
    progress("clustering", 0, len(pending))
    for start in range(0, len(pending), batch_size):
        chunk = pending[start : start + batch_size]
        loaded = {a.id: a for a in store.articles_by_ids(chunk)}
        for done, article in enumerate((loaded[aid] for aid in chunk), start + 1):
            assignment = index.add(article)
            touched.add(assignment.story_id)
            touched.update(assignment.changed)
            merges.extend(assignment.merges)
            progress("clustering", done, len(pending))
    # An earlier copy arriving can change the lineage of stored articles of other stories,
    # and so those stories' count of independent sources: they are saved again too.
    touched.update(index.story_of(aid) for aid in copies.changed_ids())
    current = {index.resolve(sid) for sid in touched}
    stories = [index.story(sid) for sid in sorted(current)]
    lineages = [lin for s in stories for lin in index.copies.lineages(s.article_ids)]
    final = [(old, index.resolve(new)) for old, new in merges]
    store.save_stories(stories, lineages, final, state.rows())
    return len(pending)


def upgrade_index(store: Store) -> bool:
    """Convert a story index that an older store saved as one blob into index rows.

    Returns whether there was one. The stories themselves are unchanged.
    """
    state = store.legacy_index()
    if state is None:
        return False
    store.replace_index(StoryIndex.from_dict(state).rows(), state.get("aliases", {}))
    return True


def recluster_store(store: Store) -> int:
    """Cluster every stored article from scratch, independently of ingest order.

    Stories whose id disappears are recorded as merged into the story that now holds most of
    their articles, so saved ids keep resolving. Returns the number of stories.
    """
    upgrade_index(store)
    articles = list(store.iter_articles())
    old = {a.id: store.story_of(a.id) for a in articles}
    index = recluster_index(articles)
    stories = index.stories()
    new_ids = {s.id for s in stories}
    votes: dict[str, Counter[str]] = {}
    for s in stories:
        for aid in s.article_ids:
            was = old[aid]
            if was and was not in new_ids:
                votes.setdefault(was, Counter())[s.id] += 1
    merges = [(sid, c.most_common(1)[0][0]) for sid, c in sorted(votes.items())]
    lineages = [index.copies.lineage(aid) for s in stories for aid in s.article_ids]
    store.save_stories(stories, lineages, merges, index.rows(), replace_all=True)
    return len(stories)


def code_events_pending(store: Store, progress: Progress = unwatched) -> int:
    """Code the events of every story whose members or analyses changed; return how many.

    Only stories marked when their members or analyses changed are looked at (the mark is
    written in the same transaction as the change, so a run interrupted before coding them
    leaves them marked). Each story's coding is stored with the basis it was made from (its
    members and their analysis versions); a story whose basis is unchanged is just unmarked.
    """
    # Imported here: event coding loads spaCy's parser, which ingest-only runs should not pay.
    from newsfuse.merge.events import code_story_events

    done = 0
    pending = store.pending_story_ids()
    progress("events", 0, len(pending))
    for checked, sid in enumerate(pending, 1):
        basis = store.story_basis(sid)
        stored = store.story_events(sid)
        if stored is not None and stored[0] == basis:
            store.story_checked(sid)
        else:
            store.save_story_events(sid, basis, code_story_events(story_input(store, sid)))
            done += 1
        progress("events", checked, len(pending))
    return done
