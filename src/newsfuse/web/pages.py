"""One function per page: validated parameters in, the page's dict out.

The same dict is rendered as HTML, served as the page's ``.json`` twin and by the REST API.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Annotated, Any

from fastapi import Query

from newsfuse.coverage import stories_coverage
from newsfuse.errors import NotFound
from newsfuse.store.stories import assemble_story
from newsfuse.timestamps import date_range, readable
from newsfuse.views import (
    EVENT_SUMMARY,
    article_dict,
    reject_row,
    stored_article,
    story_entity_rows,
    story_event_rows,
    story_quote_rows,
)
from newsfuse.web import anchors, claims
from newsfuse.web.errors import HttpError
from newsfuse.web.params import ArticleId, Day, EntityId, Limit, Offset, Store, StoryId, Text


def stories_page(
    store: Store,
    q: Annotated[
        str | None, Query(max_length=200, description="Words of an article's headline or body.")
    ] = None,
    since: Day = None,
    until: Day = None,
    outlet: Text = None,
    entity: Annotated[str | None, Query(max_length=200, description="Entity id.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories, newest first, narrowed by words, dates, an outlet or an entity."""
    since_day, until_day = _day(since, "since"), _day(until, "until")
    if since_day and until_day and since_day > until_day:
        raise HttpError(400, f"since ({since}) is after until ({until}); swap them")
    q, outlet, entity = ((v.strip() or None) if v else None for v in (q, outlet, entity))
    stories = store.find_stories(q, since_day, until_day, outlet, entity, limit, offset)
    return {
        "filters": {
            "q": q,
            "since": since_day,
            "until": until_day,
            "outlet": outlet,
            "entity": entity,
            "limit": limit,
            "offset": offset,
        },
        "stories": stories,
        "matches": store.search(q, limit=10) if q else [],
        "outlets": store.outlets(),
    }


def search_page(
    store: Store,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Articles whose headline or body contain the words, best match first."""
    return {
        "query": q,
        "limit": limit,
        "offset": offset,
        "results": store.search(q, limit=limit, offset=offset),
    }


def story_page(store: Store, story_id: StoryId) -> dict[str, Any]:
    """A story: its reports side by side, sentence by sentence; quotes, dates, entities."""
    story = store.story_row(story_id)
    members = story["members"]
    ids = [m["id"] for m in members]
    found = {a.id: a for a in store.articles_by_ids(ids)}
    analyses = store.analyses(ids)
    # Reports in publication order, as the members are listed.
    loaded = assemble_story(story, [found[i] for i in ids], analyses)
    made = claims.compared_story(store, loaded)
    if made is None:  # comparing fails on this story: entities and quotes are made here
        entities, quotes = story_entity_rows(loaded), story_quote_rows(loaded)
    else:
        entities, quotes = made.entities, made.quotes
    del story["members"]
    articles, paras = [], {}
    for m in members:
        art = found[m["id"]]
        paras[art.id] = anchors.paragraphs(art.id, article_dict(art)["body"], analyses.get(art.id))
        articles.append({**m, "byline": art.meta.byline, "paragraphs": paras[art.id]})
    for group in quotes:
        for v in group["versions"]:
            q = analyses[v["article_id"]]["quotes"][v["index"]]
            v["anchor"] = anchors.sentence_at(paras[v["article_id"]], q["paragraph"], q["start"])
    summary = claims.story_brief(made, paras)
    facts = summary.pop("facts") if summary else {}
    claims.mark_sentences(paras, facts)
    if summary:
        summary["claims"] = {anchor: found["status"] for anchor, found in facts.items()}
    return {
        "story": story,
        "revisions": story.pop("revisions"),
        "coverage": stories_coverage(store, [story["id"]])[story["id"]],
        "articles": articles,
        "quotes": quotes,
        "entities": entities,
        "timeline": _timeline(analyses, paras, {a: f.meta.outlet for a, f in found.items()}),
        # Events are coded at ingest; a page never runs the parser (it would take seconds).
        "events": _events(story_event_rows(store, story["id"], code_missing=False), paras),
        "brief": summary,
    }


def article_page(
    store: Store,
    article_id: ArticleId,
    chrome: Annotated[
        bool, Query(description="Also list the page chrome removed from the body, and why.")
    ] = False,
) -> dict[str, Any]:
    """One article: clean text by sentence, metadata, origin, what was read off it."""
    data, analysis = stored_article(store, article_id, chrome)
    for key in ("entities", "quotes", "dates", "reading", "chrome"):
        data.setdefault(key, None)
    data["story_id"] = store.story_of(data["id"])
    data["paragraphs"] = anchors.paragraphs(data["id"], data["body"], analysis)
    for q in data["quotes"] or []:
        q["anchor"] = anchors.sentence_at(data["paragraphs"], q["paragraph"], q["start"])
    return data


def entity_page(store: Store, entity_id: EntityId, limit: Limit = 100) -> dict[str, Any]:
    """An entity: the articles naming it, grouped by story, with its mentions and quotes."""
    rows = store.entity_articles(entity_id, limit)
    if not rows:
        raise NotFound(
            f"no article names an entity with id {entity_id!r}; entity ids are "
            "listed on story pages"
        )
    names, kinds = Counter[str](), Counter[str]()
    for r in rows:
        names[r["name"]] += r["mentions"]
        kinds[r["type"]] += r["mentions"]
    name = names.most_common(1)[0][0]
    found = {a.id: a for a in store.articles_by_ids([r["article_id"] for r in rows])}
    analyses = store.analyses(list(found))
    stories: dict[str | None, dict[str, Any]] = {}
    for r in rows:
        aid = r["article_id"]
        paras = anchors.paragraphs(aid, article_dict(found[aid])["body"], analyses.get(aid))
        analysis = analyses.get(aid, {"entities": [], "quotes": []})
        ent = next((e for e in analysis["entities"] if e["id"] == entity_id), None)
        speakers = {name, r["name"], *(ent["aliases"] if ent else [])}
        group = stories.setdefault(
            r["story_id"], {"id": r["story_id"], "label": r["story_label"], "articles": []}
        )
        group["articles"].append(
            {
                "id": aid,
                "headline": r["headline"],
                "outlet": r["outlet"],
                "published": r["published"],
                "mentions": [_mention(paras, m) for m in (ent["mentions"] if ent else [])],
                "quotes": [
                    {
                        "text": q["text"],
                        "kind": q["kind"],
                        "anchor": anchors.sentence_at(paras, q["paragraph"], q["start"]),
                    }
                    for q in analysis["quotes"]
                    if q["speaker_name"] in speakers
                ],
            }
        )
    return {
        "entity": {
            "id": entity_id,
            "name": name,
            "type": kinds.most_common(1)[0][0],
            "articles": len(rows),
            "mentions": sum(names.values()),
        },
        "stories": list(stories.values()),
    }


def rejects_page(store: Store) -> dict[str, Any]:
    """Inputs that did not become articles, and why."""
    return {"rejects": [reject_row(r) for r in store.rejects()]}


def _day(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HttpError(400, f"{name}={value!r} is not a date; use YYYY-MM-DD") from None


def _events(rows: list[dict[str, Any]], paras: dict[str, Any]) -> list[dict[str, Any]]:
    """Events in date order (undated last), each with the anchors of its sentences."""
    keys = ("event_id", "polecat_type", *EVENT_SUMMARY)
    out = []
    for row in rows:
        found = [
            anchors.sentence_at(paras.get(m["article_id"], []), m["paragraph"], m["start"])
            for m in row.get("mentions", [])
        ]
        out.append({**{k: row[k] for k in keys}, "anchors": [a for a in found if a]})
    out.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["event_id"]))
    return out


def _mention(paras: list[dict[str, Any]], mention: dict[str, Any]) -> dict[str, Any]:
    anchor = anchors.sentence_at(paras, mention["paragraph"], mention["start"])
    sentence = next((s["text"] for p in paras for s in p["sentences"] if s["id"] == anchor), None)
    return {"text": mention["text"], "anchor": anchor, "sentence": sentence}


def _timeline(
    analyses: dict[str, dict[str, Any]],
    paras: dict[str, list[dict[str, Any]]],
    outlets: dict[str, str | None],
) -> list[dict[str, Any]]:
    """Calendar dates the reports mention (not photo captions), earliest first."""
    by_value: dict[str, list[dict[str, Any]]] = {}
    for aid, analysis in analyses.items():
        for d in analysis["dates"]:
            m = d["mention"]
            value = m["value"]
            if d["caption"] or not value or not value[:1].isdigit() or m["kind"] != "date":
                continue
            by_value.setdefault(value, []).append(
                {
                    "text": m["text"],
                    "status": m["status"],
                    "granularity": m["granularity"],
                    "article_id": aid,
                    "outlet": outlets.get(aid),
                    "anchor": anchors.sentence_at(paras.get(aid, []), d["paragraph"], m["start"]),
                }
            )
    ordered = sorted(by_value, key=lambda v: (date_range(v[:10]) or (date.max, date.max), v))
    return [{"value": v, "label": readable(v), "mentions": by_value[v]} for v in ordered]
