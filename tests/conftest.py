"""Shared fixtures: where the public evaluation data lives, fresh stores, small articles.

Test files mirror the package in their names: ``test_<package>[_<module>][_<aspect>].py``
tests ``newsfuse/<package>/<module>`` (``test_stories_cluster_stored.py`` tests
``stories/cluster/stored.py``); ``test_pipeline_*.py`` run whole ingests end to end.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from pgserver import PgServer, start_server, unavailable

from newsfuse.clean.dump.cascade import clean_dump
from newsfuse.models import Article, Hints, Lineage, Metadata, Origin, StoryInput
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def sample_inputs() -> list[str]:
    """Every input in ``samples/`` (its README.md is no report)."""
    return [str(p) for p in sorted(SAMPLES.iterdir()) if p.name != "README.md"]


def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (``NEWSFUSE_SHARED_DATA`` names its data/)."""
    env = os.environ.get("NEWSFUSE_SHARED_DATA")
    if env:
        return Path(env).resolve().parent
    return REPO.parent / "shared"


def data_dir(name: str) -> Path:
    """A folder of ``shared/data``, or skip the test cleanly when it is absent."""
    env = os.environ.get("NEWSFUSE_SHARED_DATA")
    root = Path(env) if env else shared_dir() / "data"
    path = root / name
    if not path.is_dir():
        pytest.skip(f"evaluation data {path} not present")
    return path


def seeds_dir() -> Path:
    path = shared_dir() / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed dumps {path} not present")
    return path


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the samples, analysed and with events coded; copy it before changing it."""
    db = tmp_path_factory.mktemp("samples") / "samples.db"
    s = open_store(str(db))
    ingest_paths(sample_inputs(), Hints(), s, load_settings(env={}))
    s.close()
    return db


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | str]:
    """The tests' PostgreSQL server, started once and stopped at the end of the session (or
    at exit, whatever ends it); or why none could be started."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield "psycopg is not installed (pip install -e '.[dev]')"
        return
    try:
        server = start_server()
    except RuntimeError as exc:
        yield str(exc)
        return
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer | str) -> Iterator[str]:
    """The URL of a new, migrated PostgreSQL database of its own for one test."""
    if isinstance(pg_server, str):
        unavailable(pg_server)
        raise AssertionError("unreachable")
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A new store of one back-end: a SQLite file in ``tmp_path``, or a PostgreSQL database."""
    if backend == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A new store, once of each back-end."""
    s = open_store(store_url(request.param, tmp_path, request))
    yield s
    s.close()


def make_dump(n: int, topic: str = "harbour") -> str:
    """A small, realistic page dump whose body is unique to ``n``."""
    return (
        "Skip to main content\n\nNews\n\n"
        f"Officials open new {topic} bridge number {n} after long delay\n\n"
        "3 min read\n\n"
        f"City officials on Tuesday opened the {topic} bridge number {n}, ending a delay of "
        f"{n + 2} years that had frustrated commuters and local businesses alike.\n\n"
        f"The structure cost about {n * 3 + 10} million dollars, the transport office said in a "
        "statement, and will carry roughly twelve thousand vehicles every day.\n\n"
        f"“We finally have the crossing this district needed,” said Mayor Lina Ortiz, who "
        f"cut the ribbon in front of a crowd of {n + 40} residents.\n\n"
        "Critics said the project ran over budget, and asked for an audit of the contracts "
        "signed during the first phase of construction.\n\n"
        "By Maria Keane\n\nSubscribe to our newsletter\n\n"
        "We use cookies to improve your experience. Accept all cookies\n"
    )


def seed_articles(published: str | None = "2024-12-13") -> list[Article]:
    """The two seed dumps as cleaned articles with ids "000" and "001" (skips if absent)."""
    out = []
    for path in sorted(seeds_dir().glob("*.txt")):
        page = clean_dump(path.read_text(encoding="utf-8"))
        out.append(
            Article(
                id=path.name[:3],
                content_key=path.name,
                origin=Origin(path=str(path)),
                format="text",
                meta=Metadata(headline=page.headline, published=published),
                body=page.body,
                captions=page.captions,
            )
        )
    return out


def seed_story() -> StoryInput:
    """The two seed reports as one story: analysed, with the lineages the copy index gives."""
    from newsfuse.extract.analyse import analyse
    from newsfuse.stories.copies.index import CopyIndex

    arts = seed_articles()
    index = CopyIndex()
    index.add_many(arts)
    analyses = {a.article_id: a for a in analyse(arts)}
    return StoryInput("seeds", arts, analyses, {a.id: index.lineage(a.id) for a in arts})


def lineages_of(
    articles: Iterable[Article], copies: dict[str, str] | None = None
) -> dict[str, Lineage]:
    """Each article's lineage: independent, or an exact copy where ``copies`` maps its id to
    its original's."""
    copies = copies or {}
    return {
        a.id: Lineage(
            a.id,
            copies.get(a.id),
            1.0 if a.id in copies else 0.0,
            "exact" if a.id in copies else "independent",
            copies.get(a.id, a.id),
        )
        for a in articles
    }


#: What a hostile page may put in a headline: colour, a window title, an 8-bit CSI, a
#: right-to-left override, a bell, a line separator.
HOSTILE_TEXT = "\x1b[31mRED\x1b[0m \x1b]0;pwned\x07 \x9b2J \u202eevil\u202c \u2028end"
#: A hostile outlet name, given as the outlet of the ingested reports.
HOSTILE_OUTLET = "Wire\x1b[5m"


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made through ``newsfuse ingest`` of reports whose headline, body, speaker and
    outlet carry terminal escape sequences and bidi overrides, and of one rejected input whose
    file name does (the store's only story holds the two reports)."""
    from click.testing import CliRunner

    from newsfuse.cli import cli

    root = tmp_path_factory.mktemp("hostile")
    for n in (1, 2):
        dump = make_dump(n).replace("Officials open", f"Officials {HOSTILE_TEXT} open")
        dump = dump.replace("Mayor Lina Ortiz", "Mayor Lina \x1b[8mOrtiz")
        dump = dump.replace("Critics said", "Critics \u202e\x1b[2Jsaid")
        (root / f"hostile-{n}.txt").write_text(dump, encoding="utf-8")
    (root / "tiny\x1b[31m.txt").write_text("Too short \x1b[2J to be news.\n")
    db = root / "hostile.db"
    args = ["--db", str(db), "ingest", str(root), "--outlet", HOSTILE_OUTLET]
    result = CliRunner().invoke(cli, [*args, "--published", "2024-12-13"])
    assert result.exit_code == 1, result.output  # 1: the tiny input was rejected
    return db


@pytest.fixture(scope="session")
def sequential_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[list[str]], Path]:
    """The inputs of the concurrent runs, and a store of them ingested one after another
    (shared by the SQLite and the PostgreSQL test; see :func:`sequential_copy`)."""
    from test_pipeline_concurrent import _ingest, _inputs

    tmp = tmp_path_factory.mktemp("concurrent")
    groups = _inputs(tmp)
    sequential = tmp / "sequential.db"
    for paths in groups:
        proc = _ingest(sequential, paths)
        _, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0, stderr
    return groups, sequential
