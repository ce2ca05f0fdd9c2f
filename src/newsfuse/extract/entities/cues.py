"""Context that retypes a mention the NER got wrong: titles, appositives, places in context."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from newsfuse.extract.entities.gazetteer import fold, geo_index
from newsfuse.extract.entities.heads import head_type, heads
from newsfuse.extract.entities.lexicon import EntityLexicon, lexicon
from newsfuse.extract.entities.places import is_government_use
from newsfuse.extract.entities.raw import RawMention

#: Labels a rule may change; NORP, TITLE and alias-table matches are left alone.
_RETYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TOKEN = re.compile(r"[\w'’.-]+")
_APPOSITIVE_END = re.compile(r"[,;:.!?\"“”()]")
_APPOSITIVE_STOP = frozenset(
    {"of", "for", "at", "in", "with", "from", "on", "to", "whose", "which", "that", "and", "who"}
)
_DETERMINERS = frozenset({"a", "an", "the"})
_JOINERS = frozenset({"and", "or", ",", ", and", ", or"})
# Words looked at on either side of a name: a speech verb this close belongs to its clause.
_SPEECH_BEFORE = 3
_SPEECH_AFTER = 200
# Kinds of gazetteer entries a bare name must all be to count as surely a place.
_PLACE_KINDS = frozenset({"city", "country", "state"})


def head_label(mention: RawMention) -> RawMention:
    """Retype an NER span by its head word ("Vistula Gateway Terminals" typed PERSON -> ORG)."""
    if mention.known is not None or mention.label not in _RETYPED:
        return mention
    kind = head_type(mention.text)
    if kind == "org" and mention.label != "ORG":
        return replace(mention, label="ORG", cue="head")
    if kind == "place" and mention.label not in _PLACE_LABELS:
        return replace(mention, label="LOC", cue="head")
    return replace(mention, cue="head") if kind is not None else mention


def context_labels(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """Retype the mentions of one paragraph from the words around them.

    In order of strength: a courtesy title before the name ("Dr. Aoife Breen") or a person
    appositive in a clause with a speech verb ("said Aoife Breen, a spokeswoman", "Aoife
    Breen, who heads ..., said") make a person, even against a head word; a role title
    before it ("Mayor Helena Vasconcelos") makes a person unless a head word typed it; a name
    the gazetteer knows only as a place is a place after "in", "of" ..., before ", a city",
    as a modifier ("a Halifax exporter"), or next to another place ("Hamburg and Rotterdam"),
    and is marked as a government when it acts ("Halifax said").

    Args:
        text: The paragraph.
        mentions: Its mentions.

    Returns:
        The mentions, some with a new label and a cue.
    """
    lex = lexicon()
    out = sorted((_retype(text, m, lex) for m in mentions), key=lambda m: m.start)
    for i, m in enumerate(out):
        if m.cue or m.label not in _RETYPED or m.known is not None or not surely_place(m.text):
            continue
        near = out[max(0, i - 1) : i] + out[i + 1 : i + 2]
        if any(n.label in _PLACE_LABELS and _joined(text, m, n) for n in near):
            out[i] = replace(m, label="GPE", cue="place")
    return out


def _retype(text: str, m: RawMention, lex: EntityLexicon) -> RawMention:
    if m.known is not None or m.label not in _RETYPED or m.cue in {"dateline", "agency"}:
        return m
    before = _TOKEN.findall(text[max(0, m.start - 40) : m.start])
    h = heads()
    if before and before[-1] in h.honorifics:
        return replace(m, label="PERSON", cue="honorific")
    if _person_appositive(text, m) and _speech_near(text, m, before):
        return replace(m, label="PERSON", cue="speaker")
    if m.cue == "head":
        return m
    place = surely_place(m.text)
    if before and before[-1] in lex.title_heads and not place and m.label != "PERSON":
        return replace(m, label="PERSON", cue="title")
    if not place:
        return m
    after = text[m.end : m.end + 60]
    if is_government_use(text[max(0, m.start - 60) : m.start], after):
        return replace(m, cue="government")
    if after.startswith(("'s", "’s")):
        return m  # "Summit's Patrick Wachsberger": a firm as often as a town
    previous = before[-1].lower() if before else ""
    if previous in h.place_before or previous in lex.places_after or _place_appositive(after):
        return replace(m, label="GPE", cue="place")
    following = _TOKEN.match(after.lstrip()) if after[:1] == " " else None
    if (
        (previous in _DETERMINERS or previous.endswith(("'s", "’s")))
        and following is not None
        and following.group().islower()
    ):
        return replace(m, label="GPE", cue="place")  # "a Halifax exporter"
    return m


@cache
def surely_place(name: str) -> bool:
    """Whether every reading the gazetteer has for ``name`` is a city, state or country."""
    if not name[:1].isupper() or lexicon().find(name) is not None:
        return False
    found = geo_index().by_name.get(fold(name), ())
    return bool(found) and all(r.kind in _PLACE_KINDS for r in found)


def _person_appositive(text: str, m: RawMention) -> bool:
    """Whether ", who ...", ", 54,", or ", a spokeswoman for ..." follows the name."""
    after = text[m.end :]
    if not after.startswith(", "):
        return False
    end = _APPOSITIVE_END.search(after, 2)
    segment = after[2 : end.start() if end else len(after)]
    words = [w.lower() for w in _TOKEN.findall(segment)]
    if not words:
        return False
    if words[0] == "who":
        return True
    if len(words) == 1 and words[0].isdigit() and int(words[0]) < 120 and end is not None:
        return after[end.start()] == ","  # an age: "Joana Ferraz, 54, who runs ..."
    roles = heads().person_roles
    for word in words:
        if word in _APPOSITIVE_STOP:
            return False
        if word in roles:
            return True
    return False


def _speech_near(text: str, m: RawMention, before: list[str]) -> bool:
    verbs = heads().speech_verbs
    honorifics = heads().honorifics
    close = [w.lower() for w in before if w not in honorifics][-_SPEECH_BEFORE:]
    if any(w in verbs for w in close):
        return True
    rest = text[m.end : m.end + _SPEECH_AFTER]
    stop = re.search(r"[.!?][\"”’]?\s+[\"“‘]?[A-Z]", rest)
    return any(w in verbs for w in _TOKEN.findall(rest[: stop.start() if stop else None]))


def _place_appositive(after: str) -> bool:
    """Whether ", a city of ...", ", the capital", ", a port town" follows the name."""
    if not after.startswith(", "):
        return False
    words = [w.lower() for w in _TOKEN.findall(after[2:])[:4]]
    nouns = heads().place_nouns
    if not words or words[0] not in _DETERMINERS:
        return False
    for word in words[1:]:
        if word in nouns:
            return True
        if word in _APPOSITIVE_STOP:
            break
    return False


def _joined(text: str, a: RawMention, b: RawMention) -> bool:
    """Whether two mentions are coordinated: "Hamburg and Rotterdam", "Gdynia, Gdańsk"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = " ".join(text[first.end : second.start].split())
    return between in _JOINERS
