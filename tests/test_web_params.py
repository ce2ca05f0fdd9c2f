"""Parameters the web server refuses, and how: ids, dates, methods; all in the error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from newsfuse.store.base import MAX_ID_LENGTH
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.web.app import create_app

#: Every route that takes an id, in its HTML, .json and /api/ forms: (url template, kind).
ID_ROUTES: list[tuple[str, str]] = [
    (url, kind)
    for kind, base in (("story", "stories"), ("article", "articles"), ("entity", "entities"))
    for url in (f"/{base}/{{}}", f"/{base}/{{}}.json", f"/api/{base}/{{}}")
]

#: Ids no route accepts, as they appear in a URL (percent-encoded where a URL must be).
BAD_IDS: list[tuple[str, str]] = [
    ("a" * 50_000, "at most 128"),
    ("a" * (MAX_ID_LENGTH + 1), "at most 128"),
    ("%25" * 20_000, "at most 128"),  # httpx refuses URLs over 64 KiB
    ("%25", "letters, digits"),
    ("ab%25", "letters, digits"),
    ("%1b%5b31m", "letters, digits"),
    ("%E2%80%AEevil", "letters, digits"),
    ("a%20b", "letters, digits"),
    ("%C3%A9t%C3%A9", "letters, digits"),
]


@pytest.fixture(scope="module")
def client(hostile_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(hostile_db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def ids(client: TestClient) -> dict[str, str]:
    story = client.get("/api/stories").json()["stories"][0]["id"]
    data = client.get(f"/api/stories/{story}").json()
    return {
        "story": story,
        "article": data["articles"][0]["id"],
        "entity": data["entities"][0]["id"],
    }


def _error(client: TestClient, url: str, status: int) -> str:
    """The error message of ``url``, checked to be in the error shape (or page) with ``status``."""
    r = client.get(url)
    assert r.status_code == status, (url[:80], r.text[:300])
    if "/api/" in url or url.split("?")[0].endswith(".json"):
        body = r.json()
        assert set(body) == {"error"} and body["error"]["status"] == status
        message: str = body["error"]["message"]
        return message
    assert "text/html" in r.headers["content-type"]
    return r.text


@pytest.mark.parametrize(("url", "kind"), ID_ROUTES)
@pytest.mark.parametrize(("bad", "says"), BAD_IDS)
def test_bad_ids_are_400_everywhere(
    client: TestClient, url: str, kind: str, bad: str, says: str
) -> None:
    message = _error(client, url.format(bad), 400)
    assert says in message and len(message) < 20_000


@pytest.mark.parametrize(("url", "kind"), ID_ROUTES)
def test_good_ids_still_answer(
    client: TestClient, ids: dict[str, str], url: str, kind: str
) -> None:
    assert client.get(url.format(ids[kind])).status_code == 200
    longest = "f" * MAX_ID_LENGTH
    assert "no" in _error(client, url.format(longest), 404)


@pytest.mark.parametrize(("url", "kind"), [r for r in ID_ROUTES if r[1] != "entity"])
def test_prefix_wildcards_are_plain_characters(
    client: TestClient, ids: dict[str, str], url: str, kind: str
) -> None:
    real = ids[kind]
    assert client.get(url.format(real[:6])).status_code == 200  # a unique prefix
    for fake in ("_", "_" * 4, real[0] + "_" + real[2:6], real[:6].upper()):
        _error(client, url.format(fake), 404)


@pytest.mark.parametrize("kind", ["articles", "stories"])
@pytest.mark.parametrize("prefix", ["%", "_", "%%%", "\\", "\\%", "x" * 50_000, ""])
def test_store_prefix_lookup_is_literal(hostile_db: Path, kind: str, prefix: str) -> None:
    store = SqliteStore(hostile_db, read_only=True)
    lookup = store.article if kind == "articles" else store.story_row
    with pytest.raises(Exception, match="matches no") as found:
        lookup(prefix)
    assert type(found.value).__name__ == "NotFound" and len(str(found.value)) < 300
    store.close()


DAY_URLS = ["/api/stories?{}", "/stories.json?{}", "/stories?{}"]


@pytest.mark.parametrize("url", DAY_URLS)
@pytest.mark.parametrize(
    "query",
    [
        "since=2025-3-1",
        "until=yesterday",
        "since=2025-02-30",
        "until=2025-13-01",
        "since=" + "9" * 50_000,
        "since=%1b%5b31m",
        "since=2025-03-10&until=2025-03-01",
    ],
)
def test_bad_days_are_400_with_a_clear_message(client: TestClient, url: str, query: str) -> None:
    message = _error(client, url.format(query), 400)
    assert any(s in message for s in ("YYYY-MM-DD", "swap them", "at most 10"))


@pytest.mark.parametrize("url", DAY_URLS)
@pytest.mark.parametrize(
    "query", ["since=2024-12-13", "until=2024-12-13", "since=&until=", "since=2024-12-01&until="]
)
def test_good_days_answer(client: TestClient, url: str, query: str) -> None:
    assert client.get(url.format(query)).status_code == 200


def test_schema_describes_ids_and_days(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    params = {
        (path, p["name"]): p["schema"]
        for path, ops in schema["paths"].items()
        for p in ops["get"].get("parameters", [])
    }
    for name in ("story_id", "article_id", "entity_id"):
        found = [s for (_, n), s in params.items() if n == name]
        assert found and all(s["maxLength"] == MAX_ID_LENGTH and s["pattern"] for s in found)
    for day in ("since", "until"):
        branch = _string_branch(params[("/api/stories", day)])
        assert branch["pattern"] and branch["maxLength"] == 10
    assert "Allow header" in schema["info"]["description"]


def _string_branch(s: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in s.get("anyOf", [s]) if b.get("type") == "string")


METHOD_URLS = [
    "/",
    "/stories",
    "/stories.json",
    "/api/stories",
    "/stories/{story}",
    "/stories/{story}.json",
    "/api/stories/{story}",
    "/articles/{article}",
    "/api/articles/{article}",
    "/entities/{entity}.json",
    "/api/entities/{entity}",
    "/search",
    "/api/search",
    "/rejects",
    "/api/rejects",
    "/api/openapi.json",
    "/api/docs",
    "/static/style.css",
]


@pytest.mark.parametrize("url", METHOD_URLS)
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_405_says_what_is_allowed(
    client: TestClient, ids: dict[str, str], url: str, method: str
) -> None:
    r = client.request(method, url.format(**ids))
    assert r.status_code == 405, r.text[:200]
    allowed = [m.strip() for m in r.headers["Allow"].split(",")]
    assert "GET" in allowed and method not in allowed
    message = f"{method} is not allowed here; use {r.headers['Allow']}"
    if "json" in r.headers["content-type"]:
        assert r.json()["error"] == {
            "status": 405,
            "code": "method_not_allowed",
            "message": message,
        }
    else:
        assert str(escape(message)) in r.text
