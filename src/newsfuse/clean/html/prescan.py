"""A cheap look at HTML source before parsing: strip giant attribute values, count what costs.

Parsing and extraction cost many times a scan of the text and grow faster than the page
(libxml2 checks an element's attributes against each other: 30,000 on one element took
35 s; trafilatura's table and paragraph passes took minutes on 100,000 cells or
paragraphs), so the limits of the budget are checked here, on counts read off the source
with regular expressions, before any of that work.
"""

from __future__ import annotations

import re

from newsfuse.clean.budget import Budget

__all__ = ["prescan"]

# Attribute values of this many characters or more are emptied before parsing: libxml2 stops
# at a value of 10,000,000 characters and drops the rest of the page. The longest value in
# the extraction pages has 26,990 characters (~4x under this), so no normal page changes;
# shorter giant values are dropped after parsing (`max_attribute_chars`).
GIANT_VALUE_CHARS = 100_000
_GIANT = re.compile(
    rf"""=(\s*)(?:"[^"]{{{GIANT_VALUE_CHARS},}}"|'[^']{{{GIANT_VALUE_CHARS},}}'"""
    rf"""|[^\s"'>]{{{GIANT_VALUE_CHARS},}})"""
)
# A start tag: "<" and a letter. One-character matches (the "<" alone) are shared strings,
# so counting a million of them takes a list of pointers, not a million strings.
_START = re.compile(r"<(?=[A-Za-z])")
_CELL = re.compile(r"<(?=[tT][dDhH][\s/>])")
# A start tag up to the first ">" (a quoted ">" ends it early: see `_attributes`).
_TAG = re.compile(r"<[A-Za-z][^>]*")
# One attribute: its name and, maybe, a value (quoted, or up to a space or ">").
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def prescan(html: str, budget: Budget) -> str:
    """The page with giant attribute values emptied, once its counts are within the budget.

    Args:
        html: The page source.
        budget: The limits (elements, table cells, attributes per element) and deadline.

    Returns:
        The source to parse: ``html`` itself unless a value reached `GIANT_VALUE_CHARS`.

    Raises:
        RejectedInput: ``too_many_elements``, ``too_many_table_cells`` or
            ``too_many_attributes`` over a limit, ``too_slow`` past the deadline.
    """
    if len(html) >= GIANT_VALUE_CHARS:
        html = _GIANT.sub(r'=\1""', html)
    cells = len(_CELL.findall(html))
    budget.over(
        "too_many_table_cells", "table cells", cells, budget.max_table_cells, "max_table_cells"
    )
    elements = len(_START.findall(html))
    budget.over(
        "too_many_elements", "HTML elements", elements, budget.max_html_elements,
        "max_html_elements",
    )  # fmt: skip
    most = _most_attributes(html, budget)
    budget.over(
        "too_many_attributes", "attributes on one element", most, budget.max_attributes,
        "max_attributes",
    )  # fmt: skip
    budget.check("scanning the HTML")
    return html


def _most_attributes(html: str, budget: Budget) -> int:
    """The most attributes any start tag has, counted up to one over the limit."""
    limit = budget.max_attributes
    # Each attribute takes at least two characters (a separator and a name), so a tag read
    # up to its first ">" that is shorter than this, with its quotes paired, has fewer.
    short = 2 * (limit + 1)
    most = 0
    for match in _TAG.finditer(html):
        tag = match[0]
        if len(tag) < short and not (tag.count('"') % 2 or tag.count("'") % 2):
            continue
        most = max(most, _attributes(html, match.start(), limit))
        if most > limit:
            break
    return most


def _attributes(html: str, start: int, limit: int) -> int:
    """Attributes of the tag at ``start``, read past quoted ">", counted up to ``limit + 1``."""
    pos = start + 1
    while pos < len(html) and not (html[pos].isspace() or html[pos] in "/>"):
        pos += 1  # the tag name
    count = 0
    while count <= limit:
        match = _ATTRIBUTE.match(html, pos)
        if match is None or match.end() == pos:
            break
        count += 1
        pos = match.end()
    return count
