"""What the server loads before it takes requests, so its first page is as fast as later ones.

Reading a story loads, once per process, the stage code and data it reads with: the gazetteer
and the entity lexicon (a story's entities and places), the claim pair model and the sentence
embeddings (a story whose stored comparison is stale is compared when read), and Jinja's
compiled templates. Loaded on the first request, they made it take seconds (11 s before the
gazetteer's table was built at install time); loaded at start-up, they do not.
"""

from __future__ import annotations

import gc
import logging
import time

from jinja2 import Environment

from newsfuse.store.base import Store

__all__ = ["warm"]

log = logging.getLogger(__name__)


def warm(store: Store, templates: Environment) -> float:
    """Load what story pages need and read one, once; return the seconds it took.

    A failure is logged, never raised: warming is an optimisation, and the page that needs
    what failed to load reports the error itself.
    """
    start = time.perf_counter()
    for step in (_load_readers, lambda: _compile(templates), lambda: _read_one_story(store)):
        try:
            step()
        except Exception:  # noqa: BLE001 - see the docstring
            log.exception("warming the story pages failed; the first page will load the rest")
    # What was loaded stays for the life of the process: frozen, it is out of the cyclic
    # collector's sight, whose full passes over it paused one story page in twenty by
    # 0.1-0.2 s (p95 of the view at 100,000 stored articles: 42 ms unfrozen, 20 ms frozen).
    gc.collect()
    gc.freeze()
    return time.perf_counter() - start


def _compile(templates: Environment) -> None:
    for name in templates.list_templates(filter_func=lambda n: n.endswith(".html")):
        templates.get_template(name)


def _load_readers() -> None:
    # Imported here: create_app stays cheap for what never serves a page (tests of errors).
    from newsfuse.compare.embedding.static import load_embedder
    from newsfuse.compare.pairs import pair_model
    from newsfuse.extract.entities.gazetteer import alternate_index
    from newsfuse.extract.entities.lexicon import lexicon
    from newsfuse.pipeline.comparisons import comparison_key

    alternate_index()
    lexicon()
    pair_model()
    load_embedder()
    comparison_key("")


def _read_one_story(store: Store) -> None:
    """Build the newest story's page (the code paths and the store's first pages)."""
    from newsfuse.web.pages import story_page

    rows = store.story_rows(limit=1)
    if rows:
        story_page(store, rows[0]["id"])
