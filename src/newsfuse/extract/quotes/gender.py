"""Grammatical gender of names and pronouns, so that "she" does not resolve to a man."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsfuse.data import load_json

#: The gender a third-person pronoun asks for.
PRONOUN_GENDER: dict[str, str] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip


@dataclass(frozen=True)
class NameGenders:
    """First names and titles that tell a gender (data/quote_names.json)."""

    first_names: dict[str, str]
    titles: dict[str, str]


@cache
def name_genders() -> NameGenders:
    """Load the name lists shipped with the package (once per process)."""
    raw = load_json("quote_names.json")
    first = {name: "female" for name in raw["female"]} | {name: "male" for name in raw["male"]}
    titles = {t: "female" for t in raw["female_titles"]} | {t: "male" for t in raw["male_titles"]}
    return NameGenders(first, titles)


def gender_of(name: str, titles: Iterable[str]) -> str | None:
    """The gender a name is known to have, from a title before it or its first name.

    Args:
        name: A full name ("Hillary Clinton") or a surname.
        titles: Lower-cased words met before the name in its phrases ("mrs.", "senator").

    Returns:
        "female", "male", or None when neither tells (a bare surname, an unknown name).
    """
    lists = name_genders()
    told = {lists.titles[t] for t in titles if t in lists.titles}
    if len(told) == 1:
        return told.pop()
    words = name.split()
    if len(words) >= 2:
        return lists.first_names.get(words[0].lower().rstrip("."))
    return None


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether a pronoun can stand for a name of the given gender (unknown agrees)."""
    wanted = PRONOUN_GENDER.get(pronoun)
    return wanted is None or gender is None or gender == wanted
