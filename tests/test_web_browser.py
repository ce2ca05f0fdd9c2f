"""The web UI in a real browser: Debian's Chromium driven by Playwright over a live server.

Also the XSS corpus: hostile reports ingested through the real pipeline, every page showing
them opened, and not one script allowed to run.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from conftest import REPO

from newsfuse.cli import cli
from newsfuse.web.app import create_app

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = REPO / "test-artifacts"
SAMPLES = sorted(str(p) for p in (REPO / "samples").iterdir() if p.name != "README.md")

_MARK = "window.__xss=1"
_PAYLOADS = [
    f"<script>{_MARK}</script>",
    f'<img src=x onerror="{_MARK};alert(1)">',
    f'<a href="javascript:{_MARK}">click me</a>',
    f'"><svg onload="{_MARK};alert(2)">',
    f"'><script src=data:text/javascript,{_MARK}></script>",
    f'</span></p><iframe srcdoc="<script>parent.{_MARK}</script>"></iframe>',
    f'<details open ontoggle="{_MARK}">x',
    f"<style>@import 'x';</style><body onload=\"{_MARK}\">",
    f'<math><mtext><table><mglyph><style><img src=x onerror="{_MARK}">',
    f"{{{{7*7}}}} ${{alert(3)}} <scr<script>ipt>{_MARK}</script>",
]


def _hostile(n: int, payload: str) -> dict[str, Any]:
    """A JSONL report with the payload in its headline, byline, outlet, body and a quote."""
    return {
        "id": f"xss-{n}",
        "title": f"Harbour council {n} vote {payload}",
        "byline": f"Mallory {payload}",
        "outlet": f"Hostile Herald {payload}",
        "url": f"javascript:{_MARK}",
        "published": f"2025-04-0{n % 9 + 1}",
        "text": (
            f"The harbour council voted on Tuesday to close the north quay {n} {payload} "
            "after engineers found cracks in the old stone wall near the ferry terminal.\n\n"
            f'"We cannot risk the ferry {payload} or its passengers," said Mayor Ingrid '
            "Halvorsen, who chaired the meeting.\n\n"
            f"Repairs are expected to take about {n + 3} months and cost the town far more "
            f"than the council had planned to spend this year. {payload}"
        ),
    }


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium; the browser tests fail (not skip) without it."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium; "
            "run 'apt-get install chromium' (CI's .ci/run does)"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server on 127.0.0.1 over the samples and the XSS corpus, analysed."""
    root = tmp_path_factory.mktemp("browser")
    corpus = root / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(_hostile(n, p)) + "\n" for n, p in enumerate(_PAYLOADS)))
    db = root / "web.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", *SAMPLES, str(corpus)])
    assert result.exit_code == 0, result.output
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        create_app(str(db)), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start within 30 s"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.csp_errors = []
    pg.on(
        "console",
        lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield pg
    context.close()


def _json(page: Any, url: str) -> Any:
    return page.request.get(url).json()


def screenshot_story(page: Any, base: str, path: Path) -> None:
    """The story page of the Fundy samples, a citation clicked; saved as ``path``."""
    stories = _json(page, f"{base}/api/stories")["stories"]
    story = next(s for s in stories if "Fundy" in (s["label"] or ""))
    page.goto(f"{base}/stories/{story['id']}")
    # The first citation (the brief's, else a quote's): the view centres the cited sentence.
    page.locator('a.cite[href^="#a-"]').first.click()
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=False)


def test_stories_story_citation_search_entity(server: str, page: Any) -> None:
    page.goto(f"{server}/")
    titles = page.locator("a.story-title")
    assert titles.count() >= 4
    page.locator("a.story-title", has_text="Fundy").first.click()
    page.wait_for_selector("section.reports article.report")
    assert page.locator("article.report").count() == 4
    assert page.locator("article.report.copy").count() >= 1
    # The coverage strip: every report, first reported marked, copies marked as copies.
    assert page.locator("ol.coverage li").count() == 4
    assert page.locator("ol.coverage li .first").count() == 1
    assert page.locator("ol.coverage li.copy").count() >= 1
    link = page.locator('a.cite[href^="#a-"]').first
    target = link.get_attribute("href")[1:]
    link.click()
    sentence = page.locator(f"[id='{target}']")
    sentence.wait_for(state="visible")
    assert "highlight" in (sentence.get_attribute("class") or "").split()
    assert page.locator(".highlight").count() == 1
    screenshot_story(page, server, ARTIFACTS / "story-page.png")

    page.fill("header.site input[name=q]", "Vasconcelos")
    page.press("header.site input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Vasconcelos")
    hits = page.locator("li.hit")
    assert hits.count() >= 2
    assert "Vasconcelos" in page.locator("li.hit mark").first.inner_text()

    page.goto(f"{server}/entities/helena-vasconcelos")
    assert page.locator("h1").inner_text().startswith("Helena Vasconcelos")
    assert page.locator("article.entity-article").count() >= 2
    page.locator("ul.mentions a").first.click()
    page.wait_for_selector(".s.highlight")
    assert page.csp_errors == []


def test_citation_links_from_a_loaded_hash(server: str, page: Any) -> None:
    data = _json(page, f"{server}/api/stories")["stories"][0]
    story = _json(page, f"{server}/api/stories/{data['id']}")
    copy = next((a for a in story["articles"] if a["copy_of"]), story["articles"][0])
    anchor = copy["paragraphs"][0]["sentences"][0]["id"]
    page.goto(f"{server}/stories/{data['id']}#{anchor}")
    el = page.locator(f"[id='{anchor}']")
    el.wait_for(state="visible")  # a copy's closed <details> is opened
    assert "highlight" in (el.get_attribute("class") or "")


def test_xss_corpus_runs_no_script(server: str, page: Any) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    hits = _json(page, f"{server}/api/search?q=harbour+council+quay&limit=50")["results"]
    assert len(hits) == len(_PAYLOADS)
    urls = {
        "/stories",
        "/stories?q=council",
        "/search?q=Mallory+script",
        "/rejects",
        "/search?q=%3Cscript%3E+harbour",
    }
    for hit in hits:
        urls |= {
            f"/articles/{hit['id']}",
            f"/articles/{hit['id']}?chrome=1",
            f"/stories/{hit['story_id']}",
        }
        article = _json(page, f"{server}/api/articles/{hit['id']}")
        urls |= {f"/entities/{e['id']}" for e in article["entities"] or []}
    for url in sorted(urls):
        page.goto(server + url)
        page.wait_for_load_state("load")
        for link in page.locator("main a").all()[:40]:
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
        assert page.evaluate("window.__xss") is None, url
        injected = page.evaluate(
            "document.querySelectorAll('main script, main img, main svg, main iframe, "
            "main style, main math, main details[ontoggle]').length"
        )
        assert injected == 0, url
        assert page.evaluate("document.scripts.length") == 1, url
    assert dialogs == []
    assert page.csp_errors == []


def test_hovering_a_fact_marks_where_the_other_reports_state_it(server: str, page: Any) -> None:
    found = None
    for row in _json(page, f"{server}/api/stories")["stories"]:
        story = _json(page, f"{server}/api/stories/{row['id']}")
        by_fact: dict[str, list[tuple[str, str]]] = {}
        for art in story["articles"]:
            for para in art["paragraphs"]:
                for s in para["sentences"]:
                    if s["fact"]:
                        by_fact.setdefault(s["fact"], []).append((art["id"], s["id"]))
        pairs = [v for v in by_fact.values() if len({aid for aid, _ in v}) > 1]
        if pairs:
            found = (row["id"], pairs[0])
            break
    assert found, "the samples should hold a fact two reports state"
    story_id, sentences = found
    (first_article, first), others = sentences[0], sentences[1:]
    partner = next(sid for aid, sid in others if aid != first_article)
    page.goto(f"{server}/stories/{story_id}")
    page.locator(f"[id='{first}']").hover()
    assert "active" in (page.locator(f"[id='{first}']").get_attribute("class") or "").split()
    assert "partner" in (page.locator(f"[id='{partner}']").get_attribute("class") or "").split()
    assert "corroborated" in (page.locator(f"[id='{first}']").get_attribute("title") or "")
    page.locator("h1").first.hover()
    assert page.locator(".s.partner").count() == 0
    assert page.csp_errors == []
