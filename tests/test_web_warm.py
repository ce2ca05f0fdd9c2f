"""The server loads what story pages need before its first request."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsfuse.extract.entities import gazetteer, lexicon
from newsfuse.store import open_store
from newsfuse.web.app import create_app


def test_start_up_loads_the_gazetteer_lexicon_and_templates(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    open_store(str(db)).close()
    gazetteer._indexes.cache_clear()
    lexicon.lexicon.cache_clear()
    app = create_app(str(db))
    assert gazetteer._indexes.cache_info().currsize == 0  # creating the app loads nothing
    with TestClient(app):
        assert gazetteer._indexes.cache_info().currsize == 1
        assert lexicon.lexicon.cache_info().currsize == 1
        compiled = {name for _, name in app.state.templates.cache}
        assert {"story.html", "search.html", "stories.html"} <= compiled
