"""The state of story clustering: a story's centroid, the inverted index, what readers see."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsfuse.stories.compact import Centroid, interned

#: Terms kept per channel in a story's centroid (pruned to this when it doubles). Bounds memory
#: (most of it at 100k articles); on the odd ECB+ topics 100 terms scored as well as 200
#: (B-cubed F1 0.876 both) and better than 64 (0.874) or 48 (0.868).
CENTROID_TERMS = 100
#: Postings read per term and day: the most recent ones. Caps the cost of a very common term
#: (and of undated streams, which all share one bucket) so it stays flat as the store grows.
POSTINGS_PER_BUCKET = 64
#: Bucket of undated articles.
UNDATED = -1


def story_id(first_article_id: str) -> str:
    """Stable story id derived from the article that started it."""
    return "s" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


@dataclass(slots=True)
class Member:
    """What a story needs of one of its reports to be rebuilt after a regrouping."""

    vectors: dict[str, Centroid]  # channel -> the report's unit vector, as parallel arrays
    day: int | None
    outlet: str | None
    headline: str | None
    key: tuple[str, str]  # (published, article id): the earliest report labels its story

    def unit(self) -> dict[str, dict[str, float]]:
        """The report's unit vectors as plain dicts."""
        return {c: dict(v.items()) for c, v in self.vectors.items()}

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "vectors": self.unit(),
            "day": self.day,
            "outlet": self.outlet,
            "headline": self.headline,
            "key": list(self.key),
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Member:
        """Inverse of :meth:`to_dict`."""
        vectors = compact({c: interned(v) for c, v in row["vectors"].items()})
        key = (str(row["key"][0]), str(row["key"][1]))
        return cls(vectors, row["day"], row["outlet"], row["headline"], key)


def compact(vecs: Mapping[str, Mapping[str, float]]) -> dict[str, Centroid]:
    """One report's unit vectors as parallel arrays (a centroid of one)."""
    out = {}
    for channel, vec in vecs.items():
        centroid = out[channel] = Centroid()
        centroid.add(vec, len(vec))
    return out


@dataclass(slots=True)
class StoryState:
    """One story as the index keeps it."""

    id: str
    members: list[str]
    sums: dict[str, Centroid]  # channel -> summed unit vectors of its reports
    first_day: int | None = None
    last_day: int | None = None
    headline: str | None = None
    headline_key: tuple[str, str] = ("~", "~")  # (published, article id) of the label's source
    outlets: Counter[str] = field(default_factory=Counter)
    #: Each member's own vectors and metadata, what a local regrouping rebuilds stories from;
    #: empty for a story saved before they were kept (it is joined, never regrouped).
    reports: dict[str, Member] = field(default_factory=dict)

    def add_vectors(self, vecs: Mapping[str, Mapping[str, float]]) -> None:
        """Add one article's unit vectors to the centroid, pruning its tail."""
        for channel, vec in vecs.items():
            centroid = self.sums.get(channel)
            if centroid is None:
                centroid = self.sums[channel] = Centroid()
            centroid.add(vec, CENTROID_TERMS)

    def add_member(
        self, aid: str, member: Member, vecs: Mapping[str, Mapping[str, float]] | None = None
    ) -> None:
        """Add one report: its id, vectors (``vecs``, or the member's own), days, outlet and,
        when it is the earliest, its headline as the label."""
        self.members.append(aid)
        self.reports[aid] = member
        self.add_vectors(member.unit() if vecs is None else vecs)
        if member.day is not None:
            self.first_day = min(self.first_day or member.day, member.day)
            self.last_day = max(self.last_day or member.day, member.day)
        if member.outlet:
            self.outlets[member.outlet] += 1
        if member.headline and (self.headline is None or member.key < self.headline_key):
            self.headline, self.headline_key = member.headline, member.key

    def vectors(self) -> dict[str, dict[str, float]]:
        """The centroid sums as plain dicts, channel -> term -> weight."""
        return {channel: dict(centroid.items()) for channel, centroid in self.sums.items()}

    def absorb(self, other: StoryState) -> None:
        """Merge another story into this one."""
        self.members.extend(other.members)
        self.add_vectors(other.vectors())
        self.outlets.update(other.outlets)
        self.reports.update(other.reports)
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d]
        self.first_day, self.last_day = (min(days), max(days)) if days else (None, None)
        if other.headline and other.headline_key < self.headline_key:
            self.headline, self.headline_key = other.headline, other.headline_key

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "id": self.id,
            "members": self.members,
            "sums": self.vectors(),
            "first_day": self.first_day,
            "last_day": self.last_day,
            "headline": self.headline,
            "headline_key": list(self.headline_key),
            "outlets": dict(self.outlets),
            "reports": {aid: m.to_dict() for aid, m in self.reports.items()},
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> StoryState:
        """Inverse of :meth:`to_dict`."""
        story = cls(
            row["id"],
            list(row["members"]),
            {},
            row["first_day"],
            row["last_day"],
            row["headline"],
            (str(row["headline_key"][0]), str(row["headline_key"][1])),
            Counter(row["outlets"]),
            {aid: Member.from_dict(m) for aid, m in row.get("reports", {}).items()},
        )
        story.add_vectors({c: interned(vec) for c, vec in row["sums"].items()})
        return story


#: Day buckets of a term an undated report reads (the most recent ones): about a month of news.
UNDATED_LOOKBACK = 31


def window_buckets(day: int, window: int) -> list[int]:
    """The day buckets a report of ``day`` reads: ``window`` days either side, and undated."""
    # A dated report may join a story that has only undated reports so far.
    return [*range(day - window, day + window + 1), UNDATED]


class Postings:
    """Inverted index: term -> day bucket -> story ids, read only around an article's day."""

    def __init__(self) -> None:
        self._index: dict[str, dict[int, list[str]]] = {}

    def add(self, terms: list[str], day: int | None, sid: str) -> None:
        """Record that story ``sid`` has these terms on this day."""
        bucket = UNDATED if day is None else day
        for term in terms:
            posting = self._index.setdefault(term, {}).setdefault(bucket, [])
            if not posting or posting[-1] != sid:
                posting.append(sid)

    def query(self, terms: list[str], day: int | None, window: int) -> Counter[str]:
        """Stories sharing terms with an article, counted, within ``window`` days of it."""
        hits: Counter[str] = Counter()
        for term in terms:
            by_day = self._index.get(term)
            if not by_day:
                continue
            if day is None:
                # An undated report can belong to a story of any day: read the latest days.
                buckets: Iterable[int] = sorted(by_day)[-UNDATED_LOOKBACK:]
            else:
                buckets = window_buckets(day, window)
            seen: set[str] = set()
            for bucket in buckets:
                seen.update(by_day.get(bucket, ())[-POSTINGS_PER_BUCKET:])
            hits.update(seen)
        return hits

    def rows(self) -> Iterator[tuple[str, int, list[str]]]:
        """``(term, bucket, story ids)``, each list cut to the ids a query reads (the latest)."""
        for term, by_day in self._index.items():
            for bucket, posting in by_day.items():
                yield term, bucket, posting[-POSTINGS_PER_BUCKET:]

    def to_dict(self) -> dict[str, dict[str, list[str]]]:
        """JSON-able form (JSON keys are strings)."""
        return {t: {str(b): p for b, p in d.items()} for t, d in self._index.items()}

    @classmethod
    def from_dict(cls, state: dict[str, dict[str, list[str]]]) -> Postings:
        """Inverse of :meth:`to_dict`."""
        postings = cls()
        postings._index = {
            sys.intern(t): {int(b): list(p) for b, p in d.items()} for t, d in state.items()
        }
        return postings


__all__ = ["Postings", "StoryState", "story_id", "window_buckets"]
