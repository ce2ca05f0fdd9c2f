"""The cited multi-source brief, built from the articles' own sentences, each one cited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsfuse.brief.cite import MIN_WORDS, cite, dateline_trimmed
from newsfuse.brief.short import short_brief
from newsfuse.compare.comparison import compare, outlet_label
from newsfuse.merge.entities import canonicalise_story
from newsfuse.merge.quotes import match_quotes
from newsfuse.models import (
    Brief,
    BriefSentence,
    Claim,
    ClaimGroup,
    Comparison,
    Section,
    StoryInput,
)
from newsfuse.timestamps import date_range, readable, shift_day

__all__ = ["BRIEF_VERSION", "brief"]

#: Bump when a change makes :func:`brief` give other briefs: stored briefs made by an older
#: version are then made again (newsfuse.pipeline.comparisons).
BRIEF_VERSION = 1

#: How many items each section lists: a brief is read in a minute, the comparison holds all.
MAX_CONFIRMED = 8
MAX_PER_OUTLET = 4
MAX_QUOTES = 6
MAX_TIMELINE = 10
MAX_PEOPLE = 8
_TIMELINE_GRANULARITY = {"day", "part_of_day", "weekend", "week", "month"}


def brief(story: StoryInput, comparison: Comparison | None = None, long: bool = False) -> Brief:
    """Build the cited brief of a story, extractively: no sentence is written, only chosen.

    Args:
        story: The story's articles, analyses and lineages.
        comparison: Its comparison, when already computed (:func:`newsfuse.compare.compare`).
        long: The full dossier instead of the short brief
            (:func:`~newsfuse.brief.short.short_brief`: a lead and key points).

    Returns:
        The short brief's ``lead`` and ``points``; or the dossier's sections: confirmed,
        single-source (by outlet), conflicts, key quotes, timeline and who is involved (empty
        sections are kept so every dossier has the same shape).
    """
    comp = comparison if comparison is not None else compare(story)
    if not long:
        return short_brief(story, comp)
    sections = (
        Section("confirmed", "What is confirmed", tuple(_confirmed(comp))),
        Section("single_source", "Reported by one outlet only", tuple(_single(comp))),
        Section("conflicts", "What conflicts", tuple(_conflicts(comp))),
        Section("quotes", "Key quotes", tuple(_quotes(story, comp))),
        Section("timeline", "Timeline", tuple(_timeline(comp))),
        Section("people", "Who is involved", tuple(_people(story, comp))),
    )
    return Brief(story.story_id, comp.sources, sections)


def _representative(claims: Sequence[Claim]) -> Claim:
    """The shortest claim that is still a full statement (short ones say less, long ones
    bundle other facts); ties go to the earlier one."""
    full = [c for c in claims if len(c.text.split()) >= MIN_WORDS] or list(claims)
    return min(full, key=lambda c: (len(c.text), c.id))


def _confirmed(comp: Comparison) -> list[BriefSentence]:
    out: list[BriefSentence] = []
    used: set[str] = set()
    for group in comp.by_status("corroborated"):
        rep = _representative(group.claims)
        if rep.id in used:
            continue
        used.add(rep.id)
        note = f"{group.sources} independent sources: {', '.join(group.outlets)}"
        out.append(BriefSentence(dateline_trimmed(rep), cite(group.claims), note))
        if len(out) == MAX_CONFIRMED:
            break
    return out


def _single(comp: Comparison) -> list[BriefSentence]:
    shared = {c.id for g in comp.groups if g.sources > 1 for c in g.claims}
    per_outlet: dict[str, list[ClaimGroup]] = {}
    for group in comp.by_status("single-source"):
        if any(c.id in shared for c in group.claims):
            continue  # the sentence also states a fact others report: not single-source
        per_outlet.setdefault(", ".join(group.outlets), []).append(group)
    out = []
    for outlets in sorted(per_outlet):
        ranked = sorted(
            per_outlet[outlets], key=lambda g: (-_salience(g.claims[0]), g.claims[0].paragraph)
        )
        for group in sorted(ranked[:MAX_PER_OUTLET], key=lambda g: g.claims[0].paragraph):
            out.append(
                BriefSentence(
                    dateline_trimmed(group.claims[0]), cite(group.claims), f"only {outlets}"
                )
            )
    return out


def _salience(claim: Claim) -> int:
    """How much a claim states: figures, dates and named actors, each one point; a very
    short sentence counts none."""
    if len(claim.text.split()) < MIN_WORDS:
        return 0
    return len(claim.quantities) + len(claim.dates) + min(len(claim.entities), 3)


def _conflicts(comp: Comparison) -> list[BriefSentence]:
    out = []
    by_id = {c.id: c for c in comp.claims}
    for group in comp.groups:
        if group.conflict is not None:
            conflict = group.conflict
            for value, ids in conflict.values:
                claims = [by_id[i] for i in ids]
                outlets = ", ".join(sorted({c.outlet or c.article_id for c in claims}))
                note = f"{conflict.slot} ({conflict.label}): {value} according to {outlets}"
                out.append(BriefSentence(dateline_trimmed(claims[0]), cite(claims), note))
        for update in group.updates:
            claim = by_id[update.after[1]]
            note = (
                f"updated {update.label}: {update.before[0]} ({update.before[2]}) -> "
                f"{update.after[0]} ({update.after[2]})"
            )
            out.append(
                BriefSentence(dateline_trimmed(claim), cite([by_id[update.before[1]], claim]), note)
            )
    return out


def _quotes(story: StoryInput, comp: Comparison) -> list[BriefSentence]:
    analyses = [story.analyses[a.id] for a in story.articles if a.id in story.analyses]
    outlets = {a.id: outlet_label(a) for a in story.articles}
    holder = {(c.article_id, q): c for c in comp.claims for q in c.quotes}
    kinds = {(a.article_id, i): q.kind for a in analyses for i, q in enumerate(a.quotes)}
    # A "mixed" quote's text is the writer's whole clause; only quoted words are quoted here.
    groups = [
        g
        for g in match_quotes(analyses, outlets)
        if g.speaker and kinds[(g.versions[0].article_id, g.versions[0].index)] == "direct"
    ]
    groups.sort(key=lambda g: (-len({v.article_id for v in g.versions}), -len(g.versions[0].text)))
    out = []
    for group in groups:
        claims = [
            holder[(v.article_id, v.index)]
            for v in group.versions
            if (v.article_id, v.index) in holder
        ]
        words = len(group.versions[0].text.split())
        if not claims or words < MIN_WORDS:
            continue
        by = ", ".join(sorted({v.outlet or "" for v in group.versions}))
        note = f"{group.speaker}; quoted by {by}"
        if group.wording == "differs":
            note += "; the wording differs between outlets"
        text = f"{group.speaker}: “{group.versions[0].text}”"
        out.append(BriefSentence(text, cite(claims), note))
        if len(out) == MAX_QUOTES:
            break
    return out


def _timeline(comp: Comparison) -> list[BriefSentence]:
    """One sentence per calendar date the reports state (captions never carry one): the most
    widely reported claim stating it, the shorter on a tie. The story's own days (from a week
    before its first report to the day after its last) come first, then the background, each
    in date order; dates are given as a reader says them ("weekend of 7–8 Dec 2024")."""
    best: dict[str, tuple[tuple[int, int, str], Claim]] = {}
    for group in comp.groups:
        for claim in group.claims:
            for date in claim.dates:
                if date.granularity not in _TIMELINE_GRANULARITY:
                    continue
                key = date.value[:10] if date.granularity == "part_of_day" else date.value
                rank = (-group.sources, len(claim.text), claim.id)
                if date_range(key) and (key not in best or rank < best[key][0]):
                    best[key] = (rank, claim)
    window = _window(comp)

    def order(key: str) -> tuple[bool, dt.date, dt.date]:
        first, last = date_range(key) or (dt.date.min, dt.date.min)
        own = window is not None and first <= window[1] and last >= window[0]
        return (not own, first, last)

    out = []
    for key in sorted(best, key=order)[:MAX_TIMELINE]:
        claim = best[key][1]
        date = next(d for d in claim.dates if d.value.startswith(key))
        note = readable(key) + (" (approximate)" if date.status == "approximate" else "")
        out.append(BriefSentence(dateline_trimmed(claim), cite([claim]), note))
    return out


def _window(comp: Comparison) -> tuple[dt.date, dt.date] | None:
    """The days the story was reported: a week before its first report to a day after its
    last (None when no report is dated)."""
    days = sorted(c.published[:10] for c in comp.claims if c.published)
    try:
        first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    except (IndexError, ValueError):
        return None
    return shift_day(first, -7), shift_day(last, 1)


def _people(story: StoryInput, comp: Comparison) -> list[BriefSentence]:
    analyses = [story.analyses[a.id] for a in story.articles if a.id in story.analyses]
    merged = canonicalise_story([a.entities for a in analyses]).entities
    first: dict[str, dict[str, Claim]] = {}
    for claim in comp.claims:
        for entity in claim.entities:
            first.setdefault(entity, {}).setdefault(claim.article_id, claim)
    ranked = sorted(
        (e for e in merged if e.id in first),
        key=lambda e: (-len(first[e.id]), -len(e.mentions), e.id),
    )
    out = []
    for actor in ranked[:MAX_PEOPLE]:
        claims = list(first[actor.id].values())
        note = (
            f"{actor.type}; {len(actor.mentions)} mentions in {len(claims)} "
            f"report{'s' if len(claims) > 1 else ''}"
        )
        out.append(BriefSentence(actor.name, cite(claims), note))
    return out
