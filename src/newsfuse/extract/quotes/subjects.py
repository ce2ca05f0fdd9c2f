"""Speakers the parse does not hand over: cues without a subject, datelines, trailing "X said."."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsfuse.extract.nlp import doc_text

# Dependency labels of words that cannot be the speaker of a nearby cue: objects of
# prepositions ("with Chrabaszcz"), possessors, and modifiers inside another noun phrase.
_NOT_SPEAKER_DEPS = frozenset({"pobj", "poss", "nmod", "dobj", "attr", "conj", "amod"})
# Words that may stand between an inverted cue and its speaker's head ("said the former
# Florida governor"): determiners, adjectives, compounds and titles.
_NOUN_LEAD_DEPS = frozenset({"det", "amod", "compound", "nmod", "nummod", "poss", "case"})
# How many words after a cue its inverted speaker phrase may run ("added another New
# Hampshire Republican" is 4); longer phrases are too often objects.
_MAX_INVERTED_WORDS = 5
# NER labels of names that can speak (a "Republican" of NORP speaks for the party).
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Marks that open (True) or close (False) a quotation; "’" is also an apostrophe, so it only
# ever closes, which can end a quotation early but never opens a false one. A straight '"',
# and two apostrophes typed for one, open and close by turns.
_QUOTE_TOGGLES = {"“": True, "‘": True, "”": False, "’": False, "``": True}
_QUOTE_TURNS = frozenset({'"', "''"})
# A dateline: a place in capitals, or any place followed by a news agency, then a dash.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.' ]+[A-Z.](?:,\s*[A-Z][\w.]*)?\s*(?:\([^)]{1,30}\))?"
    r"|[A-Z][\w.' ]{1,30}?\s*\([A-Z][\w. ]{1,25}\))\s*[—–-]{1,2}\s"
)


def fallback_speaker(cue: Token) -> Token | None:
    """The speaker of a cue verb whose parse gives it no subject.

    Two word orders are tried: the inverted one, where the speaker follows the cue
    ('"...," said Bill Skelly'; "added another New Hampshire Republican"), and the plain one
    with a parse that hangs the speaker elsewhere ("Bill Clinton said" with Clinton as an
    apposition; "Viguerie notes" with Viguerie as a compound). In the second, the nearest
    name before the cue in its sentence is taken, outside quotation marks and prepositions.

    Args:
        cue: A cue verb token.

    Returns:
        The head token of the speaker phrase, or None.
    """
    after = _inverted(cue)
    if after is not None:
        return after
    sentence = cue.sent
    inside = bracketed = False
    best: Token | None = None
    for token in sentence:
        if token.i >= cue.i:
            break
        if token.text in _QUOTE_TURNS:
            inside = not inside
            continue
        if token.text in _QUOTE_TOGGLES:
            inside = _QUOTE_TOGGLES[token.text]
            continue
        if token.text in "()":
            bracketed = token.text == "("  # "Warren (D-MA) said": the party is not a name
            continue
        if inside or bracketed or token.dep_ in _NOT_SPEAKER_DEPS or is_dateline(token):
            continue
        if _is_name(token) and not any(c.dep_ == "case" for c in token.children):
            best = token
    if best is not None and any(t.pos_ == "VERB" for t in cue.doc[best.i + 1 : cue.i]):
        # A verb between the name and the cue usually has the name as its own subject,
        # unless it only describes the name ("Eastland, wearing a hat, said").
        verbs = [t for t in cue.doc[best.i + 1 : cue.i] if t.pos_ == "VERB"]
        if any(v.dep_ not in ("advcl", "acl", "relcl") for v in verbs):
            return None
    return best


def _inverted(cue: Token) -> Token | None:
    """The speaker right after a cue that ends a quotation ('"...," said the official')."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is None or not (before.is_punct or before.is_quote):
        return None
    for token in doc[cue.i + 1 : min(len(doc), cue.i + 1 + _MAX_INVERTED_WORDS)]:
        if token.dep_ in _NOUN_LEAD_DEPS and token.head.i > token.i:
            continue
        # A capital right after the cue is a name even when the tagger misses it ("Skelly").
        if _is_name(token) or token.pos_ == "NOUN" or token.text[:1].isupper():
            return token
        return None
    return None


def _is_name(token: Token) -> bool:
    """A proper name (by NER when the parse carries it, else by tag and capital)."""
    if token.ent_type_:
        return token.ent_type_ in _NAME_LABELS and token.text[:1].isupper()
    return token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()


def is_dateline(token: Token) -> bool:
    """Whether a word belongs to a dateline opening the paragraph ("LONDON (Reuters) -")."""
    if token.i > 4:
        return False
    found = _DATELINE.match(doc_text(token.doc))
    return found is not None and token.idx < found.end()


def tail_cues(doc: Doc, end: int) -> list[Token]:
    """Cue candidates in the short sentence right after a quotation ("Trump said.").

    The sentence splitter often ends a sentence at a closing mark, which leaves the
    attribution in a sentence of its own. Only the words up to its first verb are returned:
    later verbs belong to something else.

    Args:
        doc: The parsed paragraph.
        end: Offset where the quotation's content ends.
    """
    for sentence in doc.sents:
        if end <= sentence.start_char <= end + 3:
            words: list[Token] = []
            for token in sentence:
                words.append(token)
                if token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
                    break
            return words
    return []
