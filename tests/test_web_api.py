"""The web server through FastAPI's TestClient: every route, JSON twins, errors, headers."""

from __future__ import annotations

import json
import re
import runpy
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO, make_dump
from fastapi.testclient import TestClient
from markupsafe import escape

from newsfuse.cli import cli
from newsfuse.errors import StoreError
from newsfuse.models import Rejected
from newsfuse.store import open_store
from newsfuse.store.sqlite.search import fts_query
from newsfuse.timestamps import html_datetime
from newsfuse.web.app import SECURITY_HEADERS, create_app

SAMPLES = sorted(str(p) for p in (REPO / "samples").iterdir() if p.name != "README.md")
HOSTILE = {
    "title": "<script>window.__xss=1</script> Harbour <b>council</b> vote",
    "byline": '"><img src=x onerror=alert(1)>',
    "outlet": "Evil <i>Outlet</i>",
    "url": "javascript:alert(1)",
    "text": make_dump(7).replace("Mayor Lina Ortiz", "Mayor <svg onload=alert(1)>"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, one hostile JSONL record and one empty input (a reject), analysed."""
    root = tmp_path_factory.mktemp("web")
    (root / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n")
    (root / "empty.txt").write_text("")
    path = root / "web.db"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(path),
            "ingest",
            *SAMPLES,
            str(root / "hostile.jsonl"),
            str(root / "empty.txt"),
        ],
    )
    assert result.exit_code == 1, result.output  # 1: the empty input was rejected
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        yield c


def _get(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    return r.json() if "json" in r.headers["content-type"] else r.text


@pytest.fixture(scope="module")
def ids(client: TestClient) -> dict[str, str]:
    stories = _get(client, "/api/stories")["stories"]
    story = next(s for s in stories if s["label"] and "Fundy" in s["label"])
    data = _get(client, f"/api/stories/{story['id']}")
    return {
        "story": story["id"],
        "article": data["articles"][0]["id"],
        "entity": data["entities"][0]["id"],
    }


def _pages(ids: dict[str, str]) -> list[str]:
    return [
        "/stories",
        "/stories?q=turbine&since=2025-03-01&until=2025-03-31",
        "/search?q=Vasconcelos",
        f"/stories/{ids['story']}",
        f"/articles/{ids['article']}",
        f"/articles/{ids['article']}?chrome=1",
        f"/entities/{ids['entity']}",
        "/rejects",
    ]


def test_every_page_has_html_json_twin_and_api(client: TestClient, ids: dict[str, str]) -> None:
    for url in _pages(ids):
        path, _, query = url.partition("?")
        html = client.get(url)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        twin = _get(client, f"{path}.json" + (f"?{query}" if query else ""))
        assert _get(client, f"/api{path}" + (f"?{query}" if query else "")) == twin
        assert f'href="{str(escape(path + ".json"))}' in html.text  # the page links its twin


def test_html_shows_what_the_twin_holds(client: TestClient, ids: dict[str, str]) -> None:
    url = f"/stories/{ids['story']}"
    html, data = _get(client, url), _get(client, url + ".json")
    shown = set(re.findall(r'id="(a-[^"]+)"', html))
    for art in data["articles"]:
        assert f"a-{art['id']}" in shown
        for para in art["paragraphs"]:
            for s in para["sentences"]:
                assert s["id"] in shown and escape(s["text"]) in html
    for q in data["quotes"]:
        for v in q["versions"]:
            assert escape(v["text"]) in html
            assert v["anchor"] is None or f'href="#{v["anchor"]}"' in html
    for e in data["entities"]:
        assert f'href="/entities/{e["id"]}"' in html
    for t in data["timeline"]:
        assert str(escape(t["label"])) in html
    for attribute in re.findall(r'<time datetime="([^"]*)"', html):
        assert html_datetime(attribute) == attribute  # only forms HTML accepts
    listing = _get(client, "/stories.json")["stories"]
    page = _get(client, "/stories")
    assert [s["id"] for s in listing] == re.findall(r'href="/stories/([^"./]+)"', page)


def test_story_members_copies_and_sentence_ids(client: TestClient, ids: dict[str, str]) -> None:
    data = _get(client, f"/api/stories/{ids['story']}")
    assert data["story"]["articles"] == len(data["articles"]) == 4
    copies = [a for a in data["articles"] if a["copy_of"]]
    assert copies and all(a["copy_kind"] in ("exact", "near", "partial") for a in copies)
    html = _get(client, f"/stories/{ids['story']}")
    assert html.count('class="report copy"') == len(copies) and "copy of" in html
    for art in data["articles"]:
        for p, para in enumerate(art["paragraphs"]):
            for s, sent in enumerate(para["sentences"]):
                assert sent["id"] == f"a-{art['id']}-p{p}-s{s}"
    assert any(q["reports"] > 1 for q in data["quotes"])
    anchors = {s["id"] for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]}
    cited = [v["anchor"] for q in data["quotes"] for v in q["versions"]]
    if data["brief"] is not None:
        cited += [
            c["anchor"]
            for sec in data["brief"]["sections"]
            for s in sec["sentences"]
            for c in s["citations"]
        ]
    assert cited and set(cited) <= anchors


def test_filters_and_search(client: TestClient) -> None:
    def labels(query: str) -> list[str]:
        return [s["label"] for s in _get(client, f"/api/stories?{query}")["stories"]]

    assert len(labels("")) >= 4
    assert labels("q=turbine") == [s for s in labels("") if "Fundy" in s]
    assert all("Braga" in s for s in labels("entity=helena-vasconcelos"))
    assert labels("since=2025-03-20&until=2025-03-21") == [
        "River Lee floods Cork city centre after rain and high tide"
    ]
    assert labels("outlet=No+Such+Outlet") == []
    hits = _get(client, "/api/search?q=Gdansk")["results"]  # diacritics folded
    assert hits and any(seg["match"] for seg in hits[0]["snippet"])
    assert _get(client, "/api/search?q=Vasconcelos&limit=1")["results"][0]["story_id"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "NEAR(",
        "a*",
        "^x",
        "col:x",
        "OR OR",
        "-",
        '"unbalanced',
        "()",
        "x'; DROP TABLE articles; --",
    ],
)
def test_search_never_fails_on_user_syntax(client: TestClient, query: str) -> None:
    from urllib.parse import quote

    assert "results" in _get(client, f"/api/search?q={quote(query)}")
    assert "stories" in _get(client, f"/stories.json?q={quote(query)}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vasconcelos", '"Vasconcelos"'),
        ('flood "River Este" AND', '"flood" "River Este" "AND"'),
        ("NEAR(a b) * ^ :", '"NEAR" "a" "b"'),
        ("  ", None),
        ('"', None),
    ],
)
def test_fts_query(text: str, expected: str | None) -> None:
    assert fts_query(text) == expected


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/stories/nope", 404, "not_found"),
        ("/stories/nope.json", 404, "not_found"),
        ("/api/articles/zzzz", 404, "not_found"),
        ("/articles/zzzz.json", 404, "not_found"),
        ("/api/entities/no-such-entity", 404, "not_found"),
        ("/api/no-such-route", 404, "not_found"),
        ("/api/stories?limit=0", 400, "bad_request"),
        ("/api/stories?limit=1000", 400, "bad_request"),
        ("/api/stories?offset=-1", 400, "bad_request"),
        ("/api/stories?since=2025-3-1", 400, "bad_request"),
        ("/stories.json?since=2025-02-30", 400, "bad_request"),
        ("/stories.json?since=2025-03-10&until=2025-03-01", 400, "bad_request"),
        ("/api/search", 400, "bad_request"),
        ("/api/search?q=" + "x" * 201, 400, "bad_request"),
        ("/api/articles/abc?chrome=maybe", 400, "bad_request"),
    ],
)
def test_error_shape(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert r.status_code == body["error"]["status"] == status and body["error"]["message"]
    assert body["error"]["code"] == code


def test_html_errors_are_pages_with_the_same_message(client: TestClient) -> None:
    message = client.get("/stories/nope.json").json()["error"]["message"]
    r = client.get("/stories/nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert str(escape(message)) in r.text
    assert client.get("/stories?limit=0").status_code == 400
    r = client.post("/api/stories")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_crash_is_a_500_without_trace(db: Path) -> None:
    app = create_app(str(db))

    def boom() -> list[Rejected]:
        raise RuntimeError("secret internals")

    app.state.store.rejects = boom
    with TestClient(app, raise_server_exceptions=False) as c:
        for url in ("/api/rejects", "/rejects"):
            r = c.get(url)
            assert r.status_code == 500 and "secret" not in r.text
            assert "Traceback" not in r.text
            assert (
                r.headers["Content-Security-Policy"] == SECURITY_HEADERS["Content-Security-Policy"]
            )
        assert c.get("/api/rejects").json()["error"]["code"] == "internal_error"


def test_security_headers_everywhere(client: TestClient, ids: dict[str, str]) -> None:
    for url in [
        *_pages(ids),
        "/static/app.js",
        "/static/style.css",
        "/api/openapi.json",
        "/api/docs",
        "/nothing",
        "/api/stories/nope",
    ]:
        r = client.get(url)
        for name, value in SECURITY_HEADERS.items():
            assert r.headers[name] == value, (url, name)
    assert "script-src 'self'" in SECURITY_HEADERS["Content-Security-Policy"]


def test_hostile_text_is_escaped(client: TestClient) -> None:
    hit = _get(client, "/api/search?q=Harbour+council+vote")["results"][0]
    for url in (
        f"/articles/{hit['id']}",
        f"/stories/{hit['story_id']}",
        "/stories",
        "/search?q=script+council",
    ):
        html = _get(client, url)
        assert "<script>window" not in html and "<img src=x" not in html
        assert "<svg" not in html and 'href="javascript:' not in html
        assert "&lt;script&gt;" in html or "&lt;svg" in html or "&lt;b&gt;" in html
    assert re.findall(r"<script[^>]*>", _get(client, "/stories")) == [
        '<script src="/static/app.js" defer>'
    ]


def test_article_chrome_on_demand(client: TestClient, ids: dict[str, str]) -> None:
    plain = _get(client, f"/api/articles/{ids['article']}")
    assert plain["chrome"] is None and plain["paragraphs"] and plain["origin"]["path"]
    assert isinstance(_get(client, f"/api/articles/{ids['article']}?chrome=1")["chrome"], list)


def test_entity_page(client: TestClient) -> None:
    data = _get(client, "/api/entities/helena-vasconcelos")
    assert data["entity"]["name"] == "Helena Vasconcelos"
    assert data["stories"] and all(s["articles"] for s in data["stories"])
    mentions = [m for s in data["stories"] for a in s["articles"] for m in a["mentions"]]
    assert mentions and all("Vasconcelos" in (m["sentence"] or "") for m in mentions)


def test_rejects_and_home(client: TestClient) -> None:
    assert [r["reason"] for r in _get(client, "/api/rejects")["rejects"]] == ["empty"]
    r = client.get("/?q=x", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/stories?q=x"


def test_openapi_and_docs(client: TestClient) -> None:
    schema = _get(client, "/api/openapi.json")
    assert {
        "/api/stories",
        "/api/search",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/entities/{entity_id}",
        "/api/rejects",
    } == set(schema["paths"])
    assert "422" not in json.dumps(schema) and "ErrorResponse" in schema["components"]["schemas"]
    assert "/api/stories/{story_id}" in _get(client, "/api/docs")
    assert "--port" in CliRunner().invoke(cli, ["serve", "--help"]).output  # registered
    generate = runpy.run_path(str(REPO / "scripts" / "gen_docs.py"))["api_doc"]
    assert (REPO / "docs" / "api.md").read_text() == generate(), (
        "docs/api.md is stale: run python scripts/gen_docs.py"
    )


def test_server_only_reads(db: Path, tmp_path: Path) -> None:
    app = create_app(str(db))
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        app.state.store.add_reject(Rejected(app.state.store.rejects()[0].origin, "x", "y"))
    with pytest.raises(StoreError, match="no newsfuse database"):
        create_app(str(tmp_path / "missing.db"))


def test_search_index_follows_inserts(tmp_path: Path) -> None:
    from newsfuse.ingest import read_source
    from newsfuse.ingest.sources import expand
    from newsfuse.models import Hints
    from newsfuse.pipeline import ingest
    from newsfuse.settings import load_settings

    (tmp_path / "a.txt").write_text(make_dump(3, topic="zeppelin"))
    store = open_store(str(tmp_path / "s.db"))
    assert store.search("zeppelin") == []
    sources = [s for s in expand([str(tmp_path / "a.txt")]) if not isinstance(s, Rejected)]
    ingest((d for s in sources for d in read_source(s, Hints(), 10**6)), store, load_settings())
    assert [h["headline"] for h in store.search("Zeppelin bridge")] == [
        "Officials open new zeppelin bridge number 3 after long delay"
    ]
    store.close()


def test_story_page_marks_claims_by_status(client: TestClient) -> None:
    stories = _get(client, "/api/stories")["stories"]
    story = next(s for s in stories if s["label"] and "Gda" in s["label"])
    data = _get(client, f"/api/stories/{story['id']}")
    statuses = {
        s["text"]: s["status"]
        for a in data["articles"]
        for p in a["paragraphs"]
        for s in p["sentences"]
    }
    conflicting = {t for t, st in statuses.items() if st == "conflicting"}
    assert any("1,400" in t for t in conflicting) and any("2,100" in t for t in conflicting)
    assert "corroborated" in statuses.values() and "single-source" in statuses.values()
    html = client.get(f"/stories/{story['id']}").text
    assert 'class="s claim-conflicting"' in html and "contradicted by another report" in html


def test_story_page_lists_coded_events_with_anchors(client: TestClient) -> None:
    stories = _get(client, "/api/stories")["stories"]
    for summary in stories:
        data = _get(client, f"/api/stories/{summary['id']}")
        shown = {s["id"] for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]}
        for event in data["events"]:
            assert event["plover_type"] and event["reports"] >= event["sources"] >= 1
            assert set(event["anchors"]) <= shown
    assert any(_get(client, f"/api/stories/{s['id']}")["events"] for s in stories)
