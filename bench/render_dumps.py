"""Render the extraction pages' HTML to text dumps with browsers other than w3m.

Usage::

    .venv/bin/python bench/render_dumps.py                      # both renderers
    .venv/bin/python bench/render_dumps.py --renderer chromium --out /tmp/render

The extraction data ships w3m dumps (``text/<id>.txt``); pages from other sources may come
from another text browser, with other conventions for lists, links, headings, wrapping and
blank lines. This script writes ``<out>/<renderer>/<id>.txt`` for each ``html/<id>.html.gz``
(default ``~/.cache/newsfuse/render``, outside the repository: the pages are third-party
content), so that `bench/eval_extraction_render.py` can score the dump cleaner on them.

Renderers:

* ``chromium``: Debian's Chromium through Playwright, JavaScript off and every network
  request aborted, ``page.set_content`` then ``document.body.innerText`` (what a user gets
  by selecting a whole page in a graphical browser and copying it).
* ``lynxish``: a small lxml renderer in the style of ``lynx -dump``: ``[12]`` link
  markers before link texts and a numbered reference list at the end, text indented by a
  3-column margin with headings flush left, ``*`` bullets further indented, table cells
  separated by spaces, and paragraphs wrapped at 72 columns with hard line breaks.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import lxml.html
from lxml.etree import _Element

DEFAULT_OUT = Path.home() / ".cache" / "newsfuse" / "render"
RENDERERS = ("chromium", "lynxish")
CHROMIUM = "/usr/bin/chromium"
WIDTH = 72
_MARGIN = "   "  # lynx's left margin of text; headings start at column 0

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "select"})
_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form",
     "blockquote", "figure", "figcaption", "table", "tr", "ul", "ol", "dl", "dt", "dd", "pre",
     "address", "fieldset", "center", "body"}
)  # fmt: skip
_HEADINGS = {f"h{i}": i for i in range(1, 7)}


def default_data() -> Path:
    """The extraction data folder, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "extraction"


def iter_html(data: Path) -> Iterator[tuple[str, str]]:
    """Yield ``(page_id, html)`` for every page of the extraction data, sorted by id."""
    for path in sorted((data / "html").glob("*.html.gz")):
        pid = path.name.removesuffix(".html.gz")
        yield pid, gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def render_chromium(pages: list[tuple[str, str]], out: Path) -> None:
    """Write ``document.body.innerText`` of each page, rendered offline by Chromium."""
    from playwright.sync_api import Route, sync_playwright

    def abort(route: Route) -> None:
        route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context(java_script_enabled=False)
        context.route("**/*", abort)
        for pid, html in pages:
            page = context.new_page()
            page.route("**/*", abort)
            page.set_content(html, wait_until="domcontentloaded", timeout=60_000)
            text = page.evaluate("document.body ? document.body.innerText : ''")
            page.close()
            (out / f"{pid}.txt").write_text(str(text), encoding="utf-8")
        browser.close()


class _Lynxish:
    """Text of an lxml tree in the style of lynx: link markers, bullets, wrapped blocks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []  # each block with the newline(s) that precede it
        self.inline: list[str] = []
        self.tight = False  # the next block follows without a blank line (list item, <br>)
        self.links: list[str] = []
        self.prefix = ""  # bullet or number of the list item being written
        self.heading = False  # the block being written is a heading (no left margin)

    def flush(self) -> None:
        text = " ".join("".join(self.inline).split())
        self.inline = []
        if not text:
            return
        item, self.prefix = self.prefix, ""
        indent = " " * len(item) if item else ("" if self.heading else _MARGIN)
        first = item or indent
        self.heading = False
        sep = "\n" if self.tight or item else "\n\n"
        self.tight = bool(item)
        wrapped = textwrap.fill(
            text, WIDTH, initial_indent=first, subsequent_indent=indent,
            break_long_words=False, break_on_hyphens=False,  # lynx breaks only at spaces
        )  # fmt: skip
        self.blocks.append(sep + wrapped)

    def walk(self, el: _Element, depth: int = 0) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            self.inline.append(" " if tag else "")
            return
        if tag == "br":
            self.flush()
            self.tight = True
        elif tag == "img":
            alt = (el.get("alt") or "").strip()
            self.inline.append(f"[{alt}]" if alt else "[IMG]")
        elif tag in _HEADINGS:
            self.flush()
            self.heading = True
        elif tag == "li":
            self.flush()
            parent = el.getparent()
            if parent is not None and parent.tag == "ol":
                self.prefix = _MARGIN + "  " * depth + f"{parent.index(el) + 1}. "
            else:
                self.prefix = _MARGIN + "  " * depth + "* "
        elif tag in _BLOCK:
            self.flush()
        elif tag in ("td", "th"):
            self.inline.append("  ")
        if tag == "a" and el.get("href"):
            self.links.append(el.get("href", ""))
            self.inline.append(f"[{len(self.links)}]")
        self.inline.append(el.text or "")
        nested = depth + (tag in ("ul", "ol"))
        for child in el:
            self.walk(child, nested)
            self.inline.append(child.tail or "")
        if tag in _BLOCK or tag in _HEADINGS or tag == "li":
            self.flush()
        if tag in ("ul", "ol"):
            self.tight = False  # a blank line after a list

    def text(self) -> str:
        self.flush()
        refs = [f"{i:4d}. {href}" for i, href in enumerate(self.links, 1)]
        tail = "\n\nReferences\n\n" + "\n".join(refs) if refs else ""
        return "".join(self.blocks).lstrip("\n") + tail + "\n"


def lynxish(html: str) -> str:
    """Render one page in the style of lynx/html2text (see the module docstring)."""
    if not html.strip():
        return ""
    root = lxml.html.document_fromstring(html)
    body = root.find("body")
    writer = _Lynxish()
    writer.walk(body if body is not None else root)
    return writer.text()


def main(argv: list[str] | None = None) -> int:
    """Render every page with the chosen renderers; existing dumps are kept unless --force."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="extraction data folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="cache folder of the dumps")
    ap.add_argument("--renderer", choices=RENDERERS, action="append", help="default: all")
    ap.add_argument("--force", action="store_true", help="render pages already in the cache")
    args = ap.parse_args(argv)
    data = args.data or default_data()
    if not (data / "html").is_dir():
        print(f"no extraction data at {data}; set NEWSFUSE_SHARED_DATA or --data")
        return 2
    pages = list(iter_html(data))
    for name in args.renderer or RENDERERS:
        out = args.out / name
        out.mkdir(parents=True, exist_ok=True)
        todo = [(p, h) for p, h in pages if args.force or not (out / f"{p}.txt").exists()]
        start = time.perf_counter()
        if name == "chromium":
            if not Path(CHROMIUM).exists():
                print(f"{CHROMIUM} not found; skipping chromium")
                continue
            render_chromium(todo, out)
        else:
            for pid, html in todo:
                (out / f"{pid}.txt").write_text(lynxish(html), encoding="utf-8")
        took = time.perf_counter() - start
        print(f"{name}: {len(todo)} of {len(pages)} pages rendered in {took:.0f}s to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
