"""Clean an HTML news page into headline, body blocks, captions, chrome and page metadata.

The cascade, top to bottom:

1. guard the input (empty, binary, too large) before spending any time on it;
2. scan the source: reject too many elements, table cells or attributes on one element,
   empty giant attribute values (the budget's limits, :mod:`~newsfuse.clean.html.prescan`);
3. parse once with lxml; reject nesting deeper than the parser keeps or an element with too
   many children (extraction's cost grows with their square), trim huge attributes;
4. read headline, captions and page metadata off the tree (trafilatura + htmldate);
5. extract the main text with trafilatura (precision mode, no comments) as structured XML;
6. turn it into paragraph and heading blocks, then drop the chrome it let through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsfuse.clean.budget import Budget
from newsfuse.clean.html.chrome import clean_blocks
from newsfuse.clean.html.meta import captions, headline, page_meta
from newsfuse.clean.html.prescan import prescan
from newsfuse.errors import RejectedInput
from newsfuse.models import Block, CleanPage

# trafilatura's own size cap (settings.cfg MAX_FILE_SIZE): above it, it silently returns None.
MAX_HTML_CHARS = 20_000_000
# libxml2 stops building the tree at 256 levels and silently drops what is deeper, so a page
# reaching this depth has lost content; the deepest page of the extraction data has 51 levels.
MAX_DEPTH = 255
# The tree walk checks the time budget once per this many elements.
_CHECK_EVERY = 1024
# Share of control characters in the first bytes that marks a binary file, not markup.
_BINARY_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_SPACE = re.compile(r"[^\S\n]+")

# Extraction options, compared on the extraction data (F1, 181 pages, see
# docs/bench/extraction_html.md): precision mode with the fallback extractors (fast=False) and
# tables scored best; balanced or recall mode, fast mode and no tables lost 0.3-1.8 points.
_FAVOR_PRECISION = True
_FAST = False
_TABLES = True

_CONTAINERS = {"body", "div", "quote", "list", "table", "row", "figure", "section", "note"}
_SKIP = {"graphic"}


def clean_html(html: str, url: str | None = None, budget: Budget | None = None) -> CleanPage:
    """Clean one HTML page.

    Args:
        html: the page source, decoded.
        url: the URL it was fetched from, if known (helps metadata and relative links).
        budget: the limits and time budget of this input; the default settings' from now
            when None.

    Returns:
        The page's headline, body blocks (paragraphs and subheads), figure captions, the
        chrome removed from the extracted body, and the metadata the page states.

    Raises:
        RejectedInput: the page is empty, binary, too large, nested too deeply to parse
            completely, over a limit of the budget (elements, table cells, attributes on
            one element), past its deadline, or holds no article text.
    """
    budget = budget or Budget.start()
    _check_source(html)
    tree = _parse(prescan(html, budget), budget)
    meta, title = page_meta(tree, url)
    head = headline(tree, title, meta.get("sitename"))
    caps = captions(tree)
    budget.check("page metadata")
    blocks = _extract_blocks(tree, url)
    budget.check("main text extraction")
    body, chrome = clean_blocks(blocks, head, caps)
    if not body:
        raise RejectedInput(
            "no_article_text",
            "no article text found in the HTML page (only navigation, scripts or chrome); "
            "check that the file is the article page itself and not a redirect, a login "
            "wall or a page that builds its text with JavaScript",
        )
    return CleanPage(head, tuple(body), caps, tuple(chrome), meta)


def _check_source(html: str) -> None:
    """Reject inputs that are not worth parsing, with a reason code."""
    if not html or not html.strip():
        raise RejectedInput("empty", "the HTML page is empty; pass the page source")
    if len(html) > MAX_HTML_CHARS:
        raise RejectedInput(
            "too_large",
            f"the HTML page has {len(html):,} characters, over the {MAX_HTML_CHARS:,} limit; "
            "pass a single article page",
        )
    head = html[:4096]
    if "\x00" in head or len(_CONTROL.findall(head)) > _BINARY_SHARE * len(head):
        raise RejectedInput(
            "binary",
            "the input looks binary (control characters), not HTML; decompress or decode it first",
        )


def _parse(html: str, budget: Budget) -> HtmlElement:
    """Parse once (lxml via trafilatura's loader); reject cut-off nesting, trim huge attributes."""
    # trafilatura's own loader: it drops comments and processing instructions, whose nodes
    # otherwise split paragraphs (a comment after the first word cost half an article's text)
    tree = load_html(html)
    if tree is None:
        # the loader refuses bare fragments ("<p>text</p>"); feeds carry those, so wrap them
        tree = load_html(f"<html><body><div>{html}</div></body></html>")
    if tree is None:
        raise RejectedInput(
            "no_article_text", "the input could not be parsed as HTML; pass the page source"
        )
    depth = 0
    for seen, (event, el) in enumerate(etree.iterwalk(tree, events=("start", "end"))):
        if not seen % _CHECK_EVERY:
            budget.check("parsing the HTML")
        depth += 1 if event == "start" else -1
        if depth >= MAX_DEPTH:
            raise RejectedInput(
                "markup_too_deep",
                f"the HTML nests elements {MAX_DEPTH} or more levels deep, where the parser "
                "drops content; repair the markup (e.g. close unclosed tags) and retry",
            )
        if event == "start":
            budget.over(
                "too_many_children", "child elements in one element", len(el),
                budget.max_html_children, "max_html_children",
            )  # fmt: skip
            for name, value in el.attrib.items():
                if len(value) > budget.max_attribute_chars:
                    del el.attrib[name]
    return tree


def _extract_blocks(tree: HtmlElement, url: str | None) -> list[Block]:
    """Main text of the page as blocks, via trafilatura's structured output."""
    try:
        doc = bare_extraction(
            tree,
            url=url,
            fast=_FAST,
            favor_precision=_FAVOR_PRECISION,
            include_comments=False,
            include_tables=_TABLES,
            with_metadata=False,  # read separately, see html_meta
            output_format="python",
        )
    except RecursionError as err:
        raise RejectedInput(
            "markup_too_deep", "the HTML nests elements too deeply to extract its text"
        ) from err
    if not isinstance(doc, Document) or doc.body is None:
        return []
    return list(_blocks(doc.body))


def _blocks(el: etree._Element) -> Iterator[Block]:
    """Walk trafilatura's XML body: containers are split, leaves become one block each."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            pass
        elif tag in _CONTAINERS or (tag == "item" and child.find(".//list") is not None):
            yield from _loose_text(child.text)
            yield from _blocks(child)
        else:
            text = _text(child)
            if text:
                yield Block(text, "heading" if tag == "head" else "paragraph")
        yield from _loose_text(child.tail)


def _loose_text(text: str | None) -> Iterator[Block]:
    """Text lying directly in a container, between its child blocks."""
    if text and text.strip():
        yield Block(_normalize(text))


def _text(el: etree._Element) -> str:
    """Text of a leaf block; line breaks (``<lb/>``) are kept as newlines."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            parts.append("\n" if node.tag == "lb" else node.text or "")
        elif node is not el and node.tail:
            parts.append(node.tail)
    return _normalize("".join(parts))


def _normalize(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
