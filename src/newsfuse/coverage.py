"""A story's coverage: which outlets reported it, from which countries, who was first and when.

Shared by ``newsfuse stories --json``, the story page and its JSON twin. A report's outlet
record is found by its URL's domain first, then by the outlet name it carries
(:meth:`newsfuse.outlets.OutletIndex.find`); a report matching no record still counts under
the name it carries, with no country.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsfuse.outlets import OutletIndex
from newsfuse.timestamps import utc_key

if TYPE_CHECKING:
    from newsfuse.store.base import Store

__all__ = ["coverage", "stories_coverage", "story_rows_with_coverage"]


def coverage(members: Sequence[dict[str, Any]], index: OutletIndex) -> dict[str, Any]:
    """The coverage strip of one story.

    Args:
        members: The story's reports: ``id``, ``outlet``, ``url``, ``published``, ``copy_of``.
        index: The store's outlets.

    Returns:
        ``outlets``: one entry per outlet in the order they first reported (undated last),
        with ``name``, ``country``, ``language``, ``kind`` (None when no record matches),
        ``reports``, ``copies`` (reports that copy another), ``first_published`` and
        ``first_article``; ``countries``: each country with how many outlets, most first;
        ``first``: the earliest dated report (``outlet``, ``country``, ``article_id``,
        ``published``), or None when no report is dated; ``reports``: each report's outlet
        and country, by article id.
    """
    by_name: dict[str | None, dict[str, Any]] = {}
    reports: dict[str, dict[str, Any]] = {}
    ordered = sorted(members, key=lambda m: (utc_key(m.get("published")), m["id"]))
    for m in ordered:
        record = index.find(m.get("url"), m.get("outlet"))
        name = record.name if record else m.get("outlet")
        entry = by_name.get(name)
        if entry is None:
            entry = by_name[name] = {
                "name": name,
                "country": record.country if record else None,
                "language": record.language if record else None,
                "kind": record.kind if record else None,
                "reports": 0,
                "copies": 0,
                "first_published": m.get("published"),
                "first_article": m["id"],
            }
        reports[m["id"]] = {"outlet": name, "country": entry["country"]}
        entry["reports"] += 1
        entry["copies"] += m.get("copy_of") is not None
    outlets = list(by_name.values())
    counts: dict[str, int] = {}
    for entry in outlets:
        if entry["country"]:
            counts[entry["country"]] = counts.get(entry["country"], 0) + 1
    countries = [{"country": c, "outlets": n} for c, n in sorted(counts.items(), key=_most)]
    first = next((e for e in outlets if e["first_published"]), None)
    return {
        "outlets": outlets,
        "countries": countries,
        "first": None
        if first is None
        else {
            "outlet": first["name"],
            "country": first["country"],
            "article_id": first["first_article"],
            "published": first["first_published"],
        },
        "reports": reports,
    }


def stories_coverage(store: Store, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The coverage strip of each of these stories, by story id."""
    index = OutletIndex(store.outlet_records())
    rows = store.coverage_rows(story_ids)
    return {sid: coverage(rows.get(sid, []), index) for sid in story_ids}


def story_rows_with_coverage(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """The stories as ``Store.story_rows`` lists them, each with its ``coverage``."""
    rows = store.story_rows(limit=limit)
    strips = stories_coverage(store, [r["id"] for r in rows])
    return [{**r, "coverage": strips[r["id"]]} for r in rows]


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
