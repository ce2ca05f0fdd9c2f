"""Every URL the server answers, in one declarative list.

Each page is served as HTML at its path and as JSON at the same path plus ``.json`` (the dict
the HTML is rendered from). The API serves the same dicts under ``/api/``, described by the
OpenAPI schema at ``/api/openapi.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from newsfuse.web import pages as views
from newsfuse.web import schemas

View = Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class Page:
    """An HTML page and its JSON twin at ``path + ".json"``."""

    path: str
    name: str
    view: View
    template: str


@dataclass(frozen=True)
class Api:
    """A REST endpoint (GET) answering with a view's dict, shaped as ``model``."""

    path: str
    name: str
    view: View
    model: type[BaseModel]
    summary: str


PAGES: tuple[Page, ...] = (
    Page("/stories", "stories", views.stories_page, "stories.html"),
    Page("/search", "search", views.search_page, "search.html"),
    Page("/stories/{story_id}", "story", views.story_page, "story.html"),
    Page("/articles/{article_id}", "article", views.article_page, "article.html"),
    Page("/entities/{entity_id}", "entity", views.entity_page, "entity.html"),
    Page("/rejects", "rejects", views.rejects_page, "rejects.html"),
)

API: tuple[Api, ...] = (
    Api(
        "/api/stories",
        "api_stories",
        views.stories_page,
        schemas.StoriesPage,
        "List stories, newest first, filtered by words, dates, outlet or entity",
    ),
    Api(
        "/api/search",
        "api_search",
        views.search_page,
        schemas.SearchPage,
        "Full-text search of article headlines and bodies",
    ),
    Api(
        "/api/stories/{story_id}",
        "api_story",
        views.story_page,
        schemas.StoryPage,
        "One story: its reports by sentence, quotes, timeline, entities, brief",
    ),
    Api(
        "/api/articles/{article_id}",
        "api_article",
        views.article_page,
        schemas.ArticlePage,
        "One article (the id may be a unique prefix)",
    ),
    Api(
        "/api/entities/{entity_id}",
        "api_entity",
        views.entity_page,
        schemas.EntityPage,
        "One entity: the articles naming it, by story, with mentions and quotes",
    ),
    Api(
        "/api/rejects",
        "api_rejects",
        views.rejects_page,
        schemas.RejectsPage,
        "Inputs that did not become articles, and why",
    ),
)
