"""The hostile corpus (tests/hostile_corpus.py): each case gets a reason, none stops the batch.

Every case is read on its own (fast), ingested on its own, and ingested as one batch with
the valid reports among them, which must all be stored, put into stories and analysed.
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

import pytest
from hostile_corpus import LIMIT, MAX_FIELD_CHARS, MAX_RECORDS, Case, cases, write

from newsfuse import pipeline
from newsfuse.export import records as export_records
from newsfuse.extract.analyse import ANALYSIS_VERSION
from newsfuse.ingest import Limits, read
from newsfuse.models import Hints, IngestSummary, RawDocument, Rejected
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore

CASES = cases()
SETTINGS = load_settings(
    env={}, max_bytes=LIMIT, max_records=MAX_RECORDS, max_field_chars=MAX_FIELD_CHARS
)
LIMITS = Limits.of(SETTINGS)
#: Reasons decided while reading (the others, and "article", are decided by cleaning).
READ_REASONS = {
    "empty",
    "binary",
    "too_large",
    "truncated_gzip",
    "corrupt_gzip",
    "json_too_deep",
    "bad_json",
    "no_text",
    "field_too_large",
    "not_news_record",
    "directory_loop",
    "not_a_file",
    "unreadable",
    "too_many_records",
}


def _params() -> list[object]:
    return [
        pytest.param(c, id=c.name, marks=[pytest.mark.xfail(reason=c.xfail, strict=False)])
        if c.xfail
        else pytest.param(c, id=c.name)
        for c in CASES
    ]


def _storable(text: str | None) -> None:
    # What reaches the store must encode as UTF-8 (no lone surrogates from names or JSON).
    (text or "").encode("utf-8")


def outcomes(folder: Path, summary: IngestSummary, store: SqliteStore) -> dict[str, set[str]]:
    """Per top-level name in ``folder``: the reasons of its rejects and "article" if stored."""
    out: dict[str, set[str]] = {}

    def top(path: str | None) -> str:
        return Path(path or "").relative_to(folder).parts[0]

    for rej in summary.rejects:
        assert rej.reason and rej.message, rej
        out.setdefault(top(rej.origin.path), set()).add(rej.reason)
    for art in store.iter_articles():
        out.setdefault(top(art.origin.path), set()).add("article")
    return out


def check(case: Case, got: set[str] | None) -> None:
    assert got, f"{case.name} vanished without a reason"
    if case.expect is not None:
        assert case.expect in got, f"{case.name}: {got}"


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 300
    assert sum(c.expect == "article" for c in CASES) >= 100


@pytest.mark.parametrize("case", _params())
def test_each_case_is_read_alone(case: Case, tmp_path: Path) -> None:
    case.write(tmp_path)
    items = list(read([str(tmp_path)], Hints(), LIMIT, limits=LIMITS))
    assert items, f"{case.name} gave nothing"
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejects = [i for i in items if isinstance(i, Rejected)]
    for rej in rejects:
        assert rej.reason and rej.message
        _storable(rej.origin.path), _storable(rej.message), _storable(rej.origin.record_id)
    for doc in docs:
        _storable(doc.text), _storable(doc.origin.path), _storable(doc.hints.title)
        json.dumps(doc.hints.extra, allow_nan=False).encode("utf-8")
    if case.expect in READ_REASONS:
        assert case.expect in {r.reason for r in rejects}, rejects
    if case.expect == "article":
        assert docs, rejects
    if case.decoded is not None:
        assert any(case.decoded in d.text for d in docs), [d.text[:300] for d in docs]


@pytest.mark.slow
@pytest.mark.parametrize("case", _params())
def test_each_case_is_ingested_alone(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, [case])
    store = SqliteStore(tmp_path / "one.db")
    summary = pipeline.ingest(read([str(folder)], Hints(), LIMIT, limits=LIMITS), store, SETTINGS)
    check(case, outcomes(folder, summary, store).get(case.name))
    again = pipeline.ingest(read([str(folder)], Hints(), LIMIT, limits=LIMITS), store, SETTINGS)
    assert again.ingested == 0 and again.present == summary.ingested
    assert store.integrity_check() == "ok"


Batch = tuple[Path, IngestSummary, SqliteStore, dict[str, set[str]]]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "corpus"
    write(folder, CASES)
    store = SqliteStore(root / "h.db")
    start = time.monotonic()
    summary = pipeline.ingest_paths([str(folder)], Hints(), store, SETTINGS, analyse=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"\nhostile batch: {len(CASES)} cases, {summary.ingested} articles, "
        f"{summary.rejected} rejects, {time.monotonic() - start:.0f} s, peak RSS {peak} MB"
    )
    return folder, summary, store, outcomes(folder, summary, store)


@pytest.mark.slow
@pytest.mark.parametrize("case", _params())
def test_each_case_gets_its_outcome_in_the_batch(batch: Batch, case: Case) -> None:
    folder, _, store, got = batch
    check(case, got.get(case.name))
    if case.expect == "article" and case.decoded is not None:
        stored = [a for a in store.iter_articles() if a.origin.path == str(folder / case.name)]
        assert any(case.decoded in a.text() for a in stored), [a.text()[:200] for a in stored]


@pytest.mark.slow
def test_every_valid_report_is_stored_clustered_and_analysed(batch: Batch) -> None:
    _, summary, store, _ = batch
    assert summary.ingested >= sum(c.expect == "article" for c in CASES)
    assert summary.clustered == summary.ingested
    assert summary.analysed == summary.ingested
    assert store.unassigned_ids() == []
    assert store.count_unanalysed(ANALYSIS_VERSION) == 0
    assert store.integrity_check() == "ok"


@pytest.mark.slow
def test_a_rerun_of_the_batch_adds_nothing(batch: Batch) -> None:
    folder, summary, store, _ = batch
    again = pipeline.ingest_paths([str(folder)], Hints(), store, SETTINGS, analyse=True)
    assert again.ingested == 0 and again.present == summary.ingested + summary.present
    assert again.rejected == summary.rejected


@pytest.mark.slow
def test_the_batch_exports_strict_json(batch: Batch) -> None:
    from newsfuse.export import json_line

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in export")

    for rec in export_records(batch[2]):
        json.loads(json_line(rec), parse_constant=refuse)


@pytest.mark.parametrize(
    ("data", "warned", "confidence"),
    [
        (b"@", False, 1.0),
        ("Zürich liegt am See.\n".encode() + "Grüße, Müller.\n".encode("latin-1"), True, 0.5),
    ],
)
def test_a_doubtful_encoding_is_stored_with_a_warning(
    tmp_path: Path, data: bytes, warned: bool, confidence: float
) -> None:
    from hostile_corpus import good

    (tmp_path / "r.txt").write_bytes(
        good("warning").encode().replace(b"Critics", data + b"Critics")
    )
    store = SqliteStore(tmp_path / "w.db")
    summary = pipeline.ingest(read([str(tmp_path / "r.txt")], Hints(), LIMIT), store, SETTINGS)
    assert [w.reason for w in summary.warnings] == (["encoding_uncertain"] if warned else [])
    (article,) = store.articles()
    assert article.encoding_confidence == confidence


@pytest.mark.parametrize(
    "line",
    [
        b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"id": ' + b"1" * 5000 + b', "text": "x"}',
        b'{"text": "\\udfff"}',
    ],
)
def test_a_hostile_line_on_stdin_is_rejected(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, line: bytes
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line + b"\n")))
    store = SqliteStore(tmp_path / "s.db")
    summary = pipeline.ingest(read(["-"], Hints(), LIMIT, limits=LIMITS), store, SETTINGS)
    assert summary.rejected == 1 and summary.rejects[0].reason in READ_REASONS | {"no_article_text"}
