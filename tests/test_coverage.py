"""The coverage strip end to end: a web archive's reports in 'stories --json' and on the page."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient
from test_ingest_warc import page, write_warc

from newsfuse.cli import cli
from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store import open_store
from newsfuse.web.app import create_app


def _db(tmp_path: Path) -> Path:
    """One story reported by Reuters first, then the BBC (a subdomain), then an outlet the
    store does not know; the pages do not date themselves, so the crawl dates do."""
    archive = tmp_path / "cc.warc.gz"
    body = page(7)
    reports = [
        ("https://news.bbc.co.uk/world/7", "2024-12-13T11:00:00Z"),
        ("https://www.reuters.com/world/7", "2024-12-13T09:30:00Z"),
        ("https://ledger.example/7", "2024-12-14T08:00:00Z"),
    ]
    # A space more each: three reports, three content keys, one story.
    write_warc(
        archive,
        [
            ("response", url, body + b" " * n, {"WARC-Date": day})
            for n, (url, day) in enumerate(reports)
        ],
    )
    db = tmp_path / "cov.db"
    store = open_store(str(db))
    summary = ingest_paths([str(archive)], Hints(), store, load_settings(env={}), analyse=False)
    store.close()
    assert summary.ingested == 3
    return db


def test_stories_json_carries_the_coverage_strip(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "stories", "--json"])
    assert result.exit_code == 0, result.output
    (story,) = [json.loads(line) for line in result.output.splitlines()]
    strip = story["coverage"]
    assert [(o["name"], o["country"], o["kind"]) for o in strip["outlets"]] == [
        ("Reuters", "GB", "agency"),
        ("BBC", "GB", "broadcaster"),
        (None, None, None),  # ledger.example is no outlet the store knows
    ]
    assert strip["countries"] == [{"country": "GB", "outlets": 2}]
    assert strip["first"]["outlet"] == "Reuters"
    assert strip["first"]["published"] == "2024-12-13T09:30:00+00:00"
    assert set(story["outlets"]) == {"Reuters", "BBC"}  # named at ingest from their URLs


def test_the_story_page_and_its_json_show_country_and_first_report(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with TestClient(create_app(str(db))) as client:
        (story,) = client.get("/api/stories").json()["stories"]
        api = client.get(f"/api/stories/{story['id']}").json()
        twin = client.get(f"/stories/{story['id']}.json").json()
        html = client.get(f"/stories/{story['id']}").text
    assert api["coverage"] == twin["coverage"]
    assert api["coverage"]["first"]["outlet"] == "Reuters"
    assert "First reported by <strong>Reuters</strong> (GB)" in html
    assert '<span class="country">GB</span> 2' in html
    assert html.count('<span class="country">GB</span>') == 3  # the summary and two reports
