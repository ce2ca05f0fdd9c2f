"""Render a brief as Markdown, HTML (every piece of article text escaped) or JSON data."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from newsfuse.models.plain import as_dict

if TYPE_CHECKING:  # brief.py imports this module; the types are only needed for checking
    from newsfuse.models import Brief, BriefSentence

_EMPTY = "None found."


def to_markdown(brief: Brief) -> str:
    """The brief as Markdown: a heading per section, one bullet per sentence with its
    note and citations."""
    lines = [f"# Story {brief.story_id}", "", f"{brief.sources} independent sources.", ""]
    for section in brief.sections:
        lines += [f"## {section.title}", ""]
        if not section.sentences:
            lines += [_EMPTY, ""]
            continue
        for sentence in section.sentences:
            note = f" *({_md(sentence.note)})*" if sentence.note else ""
            lines.append(f"- {_md(sentence.text)}{note} [{_md(_refs(sentence))}]")
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    """Article text is data: keep it from opening Markdown links, emphasis or raw HTML."""
    out = text
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def _refs(sentence: BriefSentence) -> str:
    return "; ".join(c.label() for c in sentence.citations)


def to_html(brief: Brief) -> str:
    """The brief as an HTML fragment; all article-derived text goes through ``html.escape``."""
    e = html.escape
    parts = [
        f'<article class="brief" data-story="{e(brief.story_id)}">',
        f"<p>{brief.sources} independent sources.</p>",
    ]
    for section in brief.sections:
        parts.append(f'<section data-key="{e(section.key)}"><h2>{e(section.title)}</h2>')
        if not section.sentences:
            parts.append(f"<p>{_EMPTY}</p></section>")
            continue
        parts.append("<ul>")
        for sentence in section.sentences:
            cites = ", ".join(
                f'<cite data-article="{e(c.article_id)}" data-paragraph="{c.paragraph}" '
                f'data-sentence="{c.sentence}">{e(c.label())}</cite>'
                for c in sentence.citations
            )
            note = f' <span class="note">{e(sentence.note)}</span>' if sentence.note else ""
            parts.append(f"<li><q>{e(sentence.text)}</q>{note} {cites}</li>")
        parts.append("</ul></section>")
    parts.append("</article>")
    return "\n".join(parts)


def to_json(brief: Brief) -> dict[str, Any]:
    """The brief as JSON-able data, the same fields the dataclasses hold."""
    return as_dict(brief)
