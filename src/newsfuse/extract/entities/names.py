"""Name forms: comparison keys, stable ids, surnames, acronyms and title keys."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from newsfuse.extract.entities.gazetteer import fold
from newsfuse.extract.entities.lexicon import lexicon
from newsfuse.extract.entities.places import demonym_country

#: Lower-case particles of Arabic, Dutch, German, French and Spanish names (al-Sudani).
PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "abu",
        "de",
        "del",
        "la",
        "le",
        "van",
        "von",
        "der",
        "da",
        "di",
        "dos",
        "du",
    }
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z]{2,6}$")
_KEY_DROP = re.compile(r"[.'’,()\"“”]")
_KEY_SPACE = re.compile(r"[-‐–/\s]+")
_SLUG = re.compile(r"[^a-z0-9]+")
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "&"})
_TITLE_SKIP = frozenset({"the", "a", "an", "-"})
# Ids longer than this get a hash suffix instead of the rest of the slug.
_MAX_SLUG = 60


#: Distinct names whose keys are kept: a story compares each of its names with every other.
_KEYS_KEPT = 1 << 16


@lru_cache(maxsize=_KEYS_KEPT)
def name_key(name: str) -> str:
    """The form two spellings of one name share: "al-Qaeda" and "al Qaeda" -> "al qaeda"."""
    text = _KEY_DROP.sub("", fold(name))
    words = [w for w in _KEY_SPACE.split(text) if w and w not in {"the"}]
    return " ".join(words)


@lru_cache(maxsize=_KEYS_KEPT)
def person_key(name: str) -> str:
    """A person's comparison key: also drops middle initials ("Donald J. Trump")."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w)]
    return name_key(" ".join(words))


def entity_id(name: str) -> str:
    """A stable id from a canonical name: the same name gives the same id in every story."""
    slug = _SLUG.sub("-", name_key(name)).strip("-") or "x"
    if len(slug) <= _MAX_SLUG:
        return slug
    digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
    return f"{slug[:_MAX_SLUG].rstrip('-')}-{digest}"


@lru_cache(maxsize=_KEYS_KEPT)
def surname_keys(full: str) -> frozenset[str]:
    """Keys a surname-only mention of ``full`` may have ("Sudani", "al-Sudani", "Assad")."""
    words = full.split()
    if len(words) < 2:
        return frozenset()
    last = words[-1]
    keys = {name_key(last)}
    head, _, tail = last.partition("-")
    if tail and head.lower() in PARTICLES:
        keys.add(name_key(tail))
    if words[-2].lower() in PARTICLES:
        keys.add(name_key(" ".join(words[-2:])))
    return frozenset(keys)


def is_acronym(text: str) -> bool:
    """Whether ``text`` looks like an acronym: 2-6 capitals, dotted or not."""
    return bool(_ACRONYM.match(text))


def initials(name: str) -> str:
    """Initials of the capitalised words: "Hayat Tahrir al-Sham" -> "HTS"."""
    parts = [p for w in name.split() for p in w.split("-") if p]
    letters = [p[0] for p in parts if p.lower() not in _INITIAL_SKIP and p[0].isupper()]
    return "".join(letters)


def acronym_key(text: str) -> str:
    """An acronym without its dots: "U.N." -> "UN"."""
    return text.replace(".", "")


def title_key(title: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Split a title into its country qualifier and its role.

    "The U.S. Secretary of State" -> ({"US"}, ("secretary", "of", "state")); "Iraqi Prime
    Minister" -> ({"IQ"}, ("prime", "minister")).
    """
    lex = lexicon()
    countries: set[str] = set()
    role: list[str] = []
    for word in title.replace("-", " - ").split():
        if word.lower() in _TITLE_SKIP:
            continue
        known = lex.find(word)
        code = known.country if known is not None and known.type == "place" else None
        code = code or (lex.demonyms.get(word) if word[:1].isupper() else None)
        if code is None and word[:1].isupper() and word not in lex.title_words:
            code = demonym_country(word)
        if code:
            countries.add(code)
        else:
            role.append(word.lower())
    return frozenset(countries), tuple(role)


def titles_match(standalone: str, held: str) -> bool:
    """Whether a title used alone can stand for a person who was given ``held``.

    The roles must be equal; a qualifier on both sides must agree ("the Iraqi Prime
    Minister" fits "Prime Minister X" and "Iraqi Prime Minister X", not "Israeli ...").
    """
    q1, role1 = title_key(standalone)
    q2, role2 = title_key(held)
    return bool(role1) and role1 == role2 and (not q1 or not q2 or q1 == q2)
