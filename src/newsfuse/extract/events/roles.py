"""Read an event's roles off the parse: who acted (subject, agent) and whom it was aimed at."""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.extract.events.lexicon import EventLexicon, actor_codes, event_lexicon

_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_OBJECTS = {"dobj", "obj", "attr", "dative"}
_COMPLEMENTS = {"xcomp", "ccomp", "advcl"}
_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_RECIPIENT_PREPS = frozenset({"to", "from", "of", "by", "for", "in", "on", "against", "with"})
# Nouns for people that the sector table does not list.
_PEOPLE = {
    "chief",
    "commander",
    "member",
    "adviser",
    "advisor",
    "worker",
    "leader",
    "wounded",
    "candidate",
    "citizen",
    "national",
    "people",
    "community",
    "group",
    "side",
    "party",
}
_RELATIVE = {"who", "which", "that", "whom"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "his", "her", "its", "their"}


def subject_of(token: Token) -> tuple[Token, ...]:
    """The subject of a verb, borrowed from the verb it complements or is coordinated with."""
    seen = 0
    while seen < 6:
        seen += 1
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
                return expand(token.head)
            return expand(subject)
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "relcl":
            return expand(token.head)
        break
    return ()


def object_of(verb: Token, lex: EventLexicon) -> tuple[Token, ...]:
    """Who the act is aimed at: an actor-like direct object, else the actor an object leads to
    ("granted asylum to Rwandan rebels", "demanded an admission by Moscow"), a prepositional
    object of the verb, or the subject of a complement clause."""
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    for obj in objects:
        if _actor_like(obj, lex):
            return expand(obj)
    for obj in objects:
        found = _owned(obj) or prep_objects(obj, lex, _RECIPIENT_PREPS)
        found = tuple(t for t in found if _actor_like(t, lex)) or _named_inside(obj)
        if found:
            return found
    found = tuple(t for t in prep_objects(verb, lex) if _actor_like(t, lex))
    if found:
        return found
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS:
            subj = [c for c in child.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS]
            if subj and subj[0].lower_ not in _PRONOUNS:
                return expand(subj[0])
            objs = object_of(child, lex) if child.dep_ == "xcomp" else ()
            if objs:
                return objs
    return ()


def _actor_like(token: Token, lex: EventLexicon) -> bool:
    """Whether a noun names a person, group, organisation or place (not a thing or an act)."""
    if token.ent_type_ in _ACTOR_LABELS:
        return True
    word = token.lemma_.lower()
    return (
        token.lower_ in actor_codes().sectors
        or word in actor_codes().sectors
        or word in lex.military_words
        or word in _PEOPLE
    )


def _named_inside(noun: Token) -> tuple[Token, ...]:
    """The first named actor inside an object's phrase ("a mandate for the force in Lebanon")."""
    for token in noun.subtree:
        if token.i != noun.i and token.ent_type_ in _ACTOR_LABELS and token.dep_ != "compound":
            return (token,)
    return ()


def _owned(noun: Token) -> tuple[Token, ...]:
    return tuple(
        t
        for c in noun.children
        if c.dep_ == "poss" and c.lower_ not in _PRONOUNS
        for t in expand(c)
    )


def prep_objects(
    token: Token, lex: EventLexicon, preps: frozenset[str] | None = None
) -> tuple[Token, ...]:
    allowed = lex.target_preps if preps is None else preps
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in allowed:
            out.extend(t for p in child.children if p.dep_ == "pobj" for t in expand(p))
    return tuple(out)


def expand(head: Token) -> tuple[Token, ...]:
    """A noun and its coordinated nouns ("Bosnia and Slovenia"); times are not actors."""
    if head.ent_type_ in _NOT_ACTORS:
        return ()
    return (head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")))


def speaker_of(trigger: Token) -> Token | None:
    """The subject of the speech verb a clause is reported under ("Switzerland said ...")."""
    lex = event_lexicon()
    token = trigger
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in lex.speech_verbs:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            return subjects[0] if subjects else None
    return None
