"""The vocabulary of story comparison: claims, their groups, conflicts and updates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from newsfuse.models.plain import as_dict

Status = Literal["corroborated", "single-source", "conflicting"]
Slot = Literal["number", "date", "rank", "place", "name", "attribution", "quote"]


@dataclass(frozen=True)
class DateRef:
    """A normalised time expression inside a claim."""

    text: str
    value: str
    granularity: str
    status: str


@dataclass(frozen=True)
class Claim:
    """One statement of one article: a sentence, or a main clause of one.

    Attributes:
        id: ``<article id>:<paragraph>.<sentence>``, plus ``.<clause>`` for a later clause.
        article_id: The article it comes from.
        outlet: Its outlet, if known.
        paragraph: Index of the body block.
        sentence: Index of the sentence in the paragraph.
        start: Offset of the claim in the paragraph text.
        end: Offset after it.
        text: ``paragraph[start:end]``.
        entities: Story entity ids mentioned, in order of first mention.
        places: The subset of ``entities`` that are places.
        people: The subset of ``entities`` that are persons.
        quantities: Figures with units.
        dates: Normalised dates (captions never).
        quotes: Indices into the article's ``Analysis.quotes`` that start in the claim.
        published: The article's publication stamp, if known.
    """

    id: str
    article_id: str
    outlet: str | None
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[int, ...] = ()
    published: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Claims of one fact that disagree on one slot.

    Attributes:
        slot: What differs: ``number``, ``date``, ``place``, ``name``, ``attribution`` or
            ``quote``.
        label: What the slot holds ("dockworker", "speaker of the quote").
        values: Each value with the ids of the claims that state it.
    """

    slot: Slot
    label: str
    values: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Update:
    """A later report replacing a figure: old and new value, each with claim and time."""

    slot: Slot
    label: str
    before: tuple[str, str, str | None]  # (value, claim id, published)
    after: tuple[str, str, str | None]


@dataclass(frozen=True)
class ClaimGroup:
    """Claims of a story's articles that state the same fact.

    Attributes:
        status: ``corroborated`` (two or more independent sources), ``single-source`` or
            ``conflicting`` (its claims disagree on a slot).
        claims: The claims, in story order.
        sources: Number of independent origins (copies of one text count once).
        outlets: Outlets that carry it, sorted.
        conflict: What the claims disagree on, when conflicting.
        updates: Figures a later report replaced (not conflicts).
        score: The group's mean pairwise similarity (1.0 for one claim).
        support: Per claim, the pair model's mean probability that it states the group's
            fact with each other claim of the group (1.0 for one claim); a brief cites a claim
            as confirming only from the model's grouping probability on.
    """

    status: Status
    claims: tuple[Claim, ...]
    sources: int
    outlets: tuple[str, ...]
    conflict: Conflict | None = None
    updates: tuple[Update, ...] = ()
    score: float = 1.0
    support: tuple[float, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """A story's claims aligned across its sources.

    Attributes:
        story_id: The story compared.
        claims: Every claim, in story order (article after article).
        groups: Every claim is in a group (of one when nobody else states it); a sentence
            stating two facts may sit in two groups. Ordered by sources, then story order.
        sources: Independent sources of the whole story.
    """

    story_id: str
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    sources: int

    def by_status(self, status: Status) -> list[ClaimGroup]:
        """The groups with ``status``, in order."""
        return [g for g in self.groups if g.status == status]


@dataclass(frozen=True)
class Quantity:
    """A figure with its unit, e.g. "about 2,500 troops".

    Attributes:
        text: The figure as written, hedge included.
        start: Offset in the claim text.
        end: Offset after it.
        value: The number, multipliers applied ("38 million" -> 38e6).
        unit: Canonical stem of the counted thing ("troop", "percent"), "" when none.
        hedge: The hedge word ("about", "more than"), or "".
    """

    text: str
    start: int
    end: int
    value: float
    unit: str
    hedge: str


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """A JSON-able form of a comparison (the store keeps it as is): each claim once, the
    groups naming their claims by id."""
    return {
        "story_id": comparison.story_id,
        "sources": comparison.sources,
        "claims": [as_dict(c) for c in comparison.claims],
        "groups": [
            {
                "status": g.status,
                "claims": [c.id for c in g.claims],
                "sources": g.sources,
                "outlets": list(g.outlets),
                "conflict": None if g.conflict is None else as_dict(g.conflict),
                "updates": [as_dict(u) for u in g.updates],
                "score": g.score,
                "support": list(g.support),
            }
            for g in comparison.groups
        ],
    }


def comparison_from_json(data: dict[str, Any]) -> Comparison:
    """Rebuild a comparison stored with :func:`comparison_to_json`."""
    claims = tuple(_claim(c) for c in data["claims"])
    by_id = {c.id: c for c in claims}
    groups = tuple(
        ClaimGroup(
            status=g["status"],
            claims=tuple(by_id[cid] for cid in g["claims"]),
            sources=g["sources"],
            outlets=tuple(g["outlets"]),
            conflict=None if g["conflict"] is None else _conflict(g["conflict"]),
            updates=tuple(_update(u) for u in g["updates"]),
            score=g["score"],
            support=tuple(g["support"]),
        )
        for g in data["groups"]
    )
    return Comparison(data["story_id"], claims, groups, data["sources"])


def _claim(data: dict[str, Any]) -> Claim:
    return Claim(
        **{
            **data,
            "entities": tuple(data["entities"]),
            "places": tuple(data["places"]),
            "people": tuple(data["people"]),
            "quantities": tuple(Quantity(**q) for q in data["quantities"]),
            "dates": tuple(DateRef(**d) for d in data["dates"]),
            "quotes": tuple(data["quotes"]),
        }
    )


def _conflict(data: dict[str, Any]) -> Conflict:
    values = tuple((str(v), tuple(ids)) for v, ids in data["values"])
    return Conflict(data["slot"], data["label"], values)


def _update(data: dict[str, Any]) -> Update:
    before, after = data["before"], data["after"]
    return Update(
        data["slot"],
        data["label"],
        (before[0], before[1], before[2]),
        (after[0], after[1], after[2]),
    )
