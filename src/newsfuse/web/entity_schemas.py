"""Shapes of the entity page's API answer (see :mod:`newsfuse.web.schemas`)."""

from __future__ import annotations

from pydantic import BaseModel


class EntitySummary(BaseModel):
    id: str
    name: str
    type: str
    articles: int
    mentions: int


class EntityMention(BaseModel):
    text: str
    anchor: str | None
    sentence: str | None


class EntityQuote(BaseModel):
    text: str
    kind: str
    anchor: str | None


class EntityArticle(BaseModel):
    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    mentions: list[EntityMention]
    quotes: list[EntityQuote]


class EntityStory(BaseModel):
    id: str | None
    label: str | None
    articles: list[EntityArticle]


class EntityPage(BaseModel):
    entity: EntitySummary
    stories: list[EntityStory]
