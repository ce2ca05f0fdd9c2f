"""The parameters pages take: their types, limits and patterns, as the OpenAPI schema shows them.

A value outside them is answered 400 in the error shape before a page function runs.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from newsfuse.store.base import ID_PATTERN, MAX_ID_LENGTH
from newsfuse.store.base import Store as StoreType


async def _store(request: Request) -> StoreType:
    store: StoreType = request.app.state.store
    return store


#: A calendar day, or empty (the stories page's form sends an empty field as "no limit").
DAY_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"
#: What a parameter that does not match its pattern should look like: said in the 400 message.
PATTERN_HELP = {
    DAY_PATTERN: "use YYYY-MM-DD",
    ID_PATTERN: "ids are made of letters, digits, '-' and '_'",
}
_ID_FORM = f"letters, digits, '-' and '_', at most {MAX_ID_LENGTH} characters"

Store = Annotated[StoreType, Depends(_store)]
Day = Annotated[
    str | None,
    Query(description="ISO date, YYYY-MM-DD.", max_length=10, pattern=DAY_PATTERN),
]
StoryId = Annotated[
    str,
    Path(
        description=f"A story id, or a unique prefix of one: {_ID_FORM}.",
        max_length=MAX_ID_LENGTH,
        pattern=ID_PATTERN,
    ),
]
ArticleId = Annotated[
    str,
    Path(
        description=f"An article id, or a unique prefix of one: {_ID_FORM}.",
        max_length=MAX_ID_LENGTH,
        pattern=ID_PATTERN,
    ),
]
EntityId = Annotated[
    str,
    Path(description=f"An entity id: {_ID_FORM}.", max_length=MAX_ID_LENGTH, pattern=ID_PATTERN),
]
Limit = Annotated[int, Query(ge=1, le=200, description="At most this many (1-200).")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Skip this many first.")]
Text = Annotated[str | None, Query(max_length=200)]
