"""Find PLOVER event triggers in a parsed sentence and read who did it to whom off the parse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsfuse.extract.events.lexicon import EventLexicon, Trigger, event_lexicon
from newsfuse.extract.events.roles import expand, object_of, prep_objects, subject_of
from newsfuse.extract.events.verbs import CameoMatch, TypingRules, cameo_match

#: The typing rules the coder uses (chosen by 3-fold cross-validation on the PLOVER gold
#: records: docs/bench/events.md).
RULES = TypingRules()

_OBJECTS = {"dobj", "obj", "attr", "dative"}
_COMPLEMENTS = {"xcomp", "ccomp", "advcl"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# A trigger this deep under its sentence's root is kept only when nothing shallower is found;
# the confidence falls with depth (PLOVER gold: the coded event is the main clause's in 85%
# of half A's records).
_DEPTH_PENALTY = 0.08


@dataclass(frozen=True)
class RawEvent:
    """A trigger found in a sentence, before actors are named.

    Attributes:
        trigger: The trigger token (a verb, or a noun under a light verb).
        words: The trigger as written ("held talks").
        type: PLOVER type.
        mode: PLOVER mode.
        source: Head tokens of the acting actors.
        target: Head tokens of the actors acted on.
        places: Head tokens of the prepositional places ("in Baghdad").
        depth: Steps from the sentence root.
        confidence: 0-1.
    """

    trigger: Token
    words: str
    type: str
    mode: str
    source: tuple[Token, ...]
    target: tuple[Token, ...]
    places: tuple[Token, ...]
    depth: int
    confidence: float


def sentence_mentions(
    sent: Span, skip: Callable[[Token], bool] | None = None, rules: TypingRules = RULES
) -> list[RawEvent]:
    """Every event trigger of one sentence, with its actors' head tokens.

    Args:
        sent: A parsed sentence.
        skip: Tokens to ignore as triggers (words inside a quotation).
        rules: Which trigger sources type a verb, and in which order.

    Returns:
        Mentions, main clause first; complements of an intent verb ("agreed to cooperate",
        "threatened to strike") are folded into the intent and not returned on their own.
    """
    lex = event_lexicon()
    found: list[RawEvent] = []
    for token in sent:
        if skip is not None and skip(token):
            continue
        trig = _trigger(token, lex, rules)
        if trig is None:
            continue
        found.append(_mention(token, trig, lex))
    found = [m for m in found if not _under_intent(m, found, lex)]
    found.sort(key=lambda m: (m.depth, m.trigger.i))
    return found


def _trigger(token: Token, lex: EventLexicon, rules: TypingRules) -> tuple[Trigger, str] | None:
    """The (type, mode) a token triggers and the words that do, or None."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if token.dep_ == "amod" or token.dep_ == "aux":
            return None
        return _verb_trigger(token, lemma, lex, rules)
    if rules.nouns and token.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
        head = token.head
        if lemma == "strike" and any(c.lower_ == "hunger" for c in token.children):
            return lex.hunger_strike, f"hunger {token.text}"
        governed = token.dep_ in _OBJECTS and head.lemma_.lower() in lex.light_verbs
        owned = any(c.dep_ == "poss" for c in token.children)
        if governed or owned:
            return lex.nouns[lemma], (f"{head.text} {token.text}" if governed else token.text)
    return None


def _verb_trigger(
    token: Token, lemma: str, lex: EventLexicon, rules: TypingRules
) -> tuple[Trigger, str] | None:
    """A verb's trigger from the sources of ``rules.order``, the first that types it."""
    cameo: CameoMatch | None = None
    looked_up = False  # the table is read only when the sources before it typed nothing
    obligation_checked = False
    for source in rules.order:
        if source in ("hand_verb", "cameo_verb") and not obligation_checked:
            obligation_checked = True
            if token.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ in lex.obligation_markers for c in token.children
            ):  # "declared that China must drop barriers": an obligation laid on someone else
                return ("DEMAND", ""), token.text
            if lemma in lex.speech_verbs:
                return None
        if source == "hand_phrase":
            for child in token.children:
                adjacent = child.dep_ == "prt" or child.i == token.i + 1
                if child.dep_ in _OBJECTS or child.dep_ in ("prt", "prep") and adjacent:
                    phrase = f"{lemma} {child.lemma_.lower()}"
                    if phrase in lex.phrases:
                        return lex.phrases[phrase], f"{token.text} {child.text}"
        elif source == "hand_verb" and lemma in lex.verbs:
            return _strike((lex.verbs[lemma], token.text), token, lex)
        elif source in ("cameo_pattern", "cameo_verb"):
            if not looked_up:
                cameo, looked_up = cameo_match(token, rules.appeals), True
            if cameo is None or cameo.pattern != (source == "cameo_pattern"):
                continue
            if cameo.type:
                return _strike(((cameo.type, cameo.mode), cameo.words), token, lex)
            if cameo.pattern and rules.veto:
                return None
    return None


def _strike(found: tuple[Trigger, str], token: Token, lex: EventLexicon) -> tuple[Trigger, str]:
    """Workers who strike protest ("dockers struck"); others attack."""
    if token.lemma_.lower() == "strike" and _labour(token, lex):
        return ("PROTEST", "strike-gen"), token.text
    return found


def _labour(token: Token, lex: EventLexicon) -> bool:
    subject = subject_of(token)
    return bool(subject) and subject[0].lower_ in lex.labour_words


def _mention(token: Token, found: tuple[Trigger, str], lex: EventLexicon) -> RawEvent:
    (typ, mode), words = found
    verb = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ in _OBJECTS else token
    source: tuple[Token, ...] = ()
    target: tuple[Token, ...] = ()
    if verb.i != token.i:  # a noun under a light verb: "held talks with X"
        source = subject_of(verb)
        target = prep_objects(token, lex) or prep_objects(verb, lex)
    elif token.pos_ in ("NOUN", "PROPN"):  # "his visit to Jordan", "Assad's ouster"
        owner = tuple(c for c in token.children if c.dep_ == "poss")
        if token.lemma_.lower() in lex.patient_nouns:
            target = owner
        else:
            source, target = owner, prep_objects(token, lex)
    else:
        passive = [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
        if passive:
            target = expand(passive[0])
            agents = [c for c in token.children if c.dep_ == "agent"]
            source = tuple(
                t for a in agents for p in a.children if p.dep_ == "pobj" for t in expand(p)
            )
        elif typ == "DEMAND" and token.dep_ == "ccomp" and token.lemma_.lower() not in lex.verbs:
            source = subject_of(token.head)  # "X said Y must ...": X demands of Y
            target = subject_of(token)
        else:
            source = subject_of(token)
            target = object_of(token, lex)
    if token.lemma_.lower() in lex.violence_verbs:  # armed forces fight; others assault
        state = bool(source) and source[0].lower_ in lex.state_military_words
        typ = "FIGHT" if state else "ASSAULT"
    if (
        any(c.dep_ in _OBJECTS and c.lower_ in lex.military_words for c in token.children)
        and typ == "AID"
    ):  # "sent troops"
        typ, mode = "MOBILIZE", "troops"
    typ = _modal_type(verb, typ, lex)
    depth = _depth(verb)
    confidence = max(0.3, 0.9 - _DEPTH_PENALTY * depth - (0.0 if source else 0.2))
    places = _places(token, verb, lex)
    if mode == "travel":  # "traveled from Ankara to Baghdad": the places are not targets
        places = places or tuple(t for t in target if t.ent_type_ in _PLACE_LABELS)
        target = ()
    elif mode == "visit" and not places:  # "visited Russia": the target is also the place
        places = tuple(t for t in target if t.ent_type_ in _PLACE_LABELS)
    return RawEvent(token, words, typ, mode, source, target, places, depth, round(confidence, 2))


def _places(token: Token, verb: Token, lex: EventLexicon) -> tuple[Token, ...]:
    """Where: "in Baghdad", "to Baghdad" for a trip, or the place a "where" clause hangs on."""
    if token.lemma_.lower() in ("travel", "fly", "trip"):  # the destination
        return tuple(
            t
            for t in token.subtree
            if t.dep_ == "pobj" and t.head.lower_ == "to" and t.ent_type_ in _PLACE_LABELS
        )[:1]
    preps = lex.place_preps
    found = [
        p
        for p in prep_objects(token, lex, preps) + prep_objects(verb, lex, preps)
        if p.ent_type_ in _PLACE_LABELS
    ]
    if not found:
        at = verb
        for _ in range(3):
            if at.dep_ == "relcl" and at.head.ent_type_ in _PLACE_LABELS:
                found.append(at.head)
                break
            if at.head.i == at.i:
                break
            at = at.head
    return tuple(dict.fromkeys(found))


def _modal_type(verb: Token, typ: str, lex: EventLexicon) -> str:
    """Future or willingness turns a cooperative act into AGREE and a hostile one into
    THREATEN ("will provide aid", "would blockade Paris"); an obligation laid on someone
    else turns it into DEMAND ("said China must drop barriers")."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "acomp")}
    governor = verb.head if verb.dep_ == "xcomp" else None
    if governor is not None:
        words |= {governor.lemma_.lower()} | {
            c.lower_ for c in governor.children if c.dep_ == "aux"
        }
    negated = any(c.dep_ == "neg" for c in verb.children)
    if governor is not None:
        negated = negated or any(c.dep_ == "neg" for c in governor.children)
    if negated and typ in ("CONCEDE", "AID", "COOPERATE", "AGREE", "SUPPORT"):
        return "REJECT"
    if words & lex.obligation_markers and verb.dep_ == "ccomp":
        return "DEMAND"
    if words & lex.willingness_markers and typ == "RETREAT":
        return "AGREE"
    if words & lex.future_markers:
        if typ in lex.cooperative_types:
            return "AGREE"
        if typ in lex.hostile_types:
            return "THREATEN"
    return typ


def _depth(token: Token) -> int:
    """Steps to the sentence root, not counting speech verbs ("X did Y, officials said")."""
    lex = event_lexicon()
    depth = 0
    while token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() not in lex.speech_verbs:
            depth += 1
    return depth


def _under_intent(mention: RawEvent, found: list[RawEvent], lex: EventLexicon) -> bool:
    """Whether a trigger is the content of another's intent ("agreed to (cooperate)")."""
    token = mention.trigger
    heads = {m.trigger.i: m for m in found if m is not mention}
    while token.dep_ in ("xcomp", "ccomp", "conj") and token.head.i != token.i:
        token = token.head
        other = heads.get(token.i)
        if other is not None and other.type in lex.intent_types:
            return True
    return False
