"""Type a verb by the CAMEO verb table (data/cameo_verbs.json): phrase patterns, then verb sets.

The table is PETRARCH2's CAMEO verb dictionary with its codes mapped to PLOVER types by the
PLOVER project's crosswalk (``scripts/build_verb_table.py``; CC BY-SA 4.0, MIT notice kept).
A verb's block of phrase patterns is tried first, most specific first: a pattern matches when
each word it requires is a word of the verb's clause (the verb's subtree without its finite
complements, relative clauses and coordinated clauses). A pattern coding no PLOVER event
("face a problem", a public statement) says the verb states no event. Otherwise the verb's own
code is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from newsfuse.data import load_json

__all__ = [
    "LEXICON_ONLY",
    "SOURCES",
    "TABLE_ONLY",
    "CameoMatch",
    "TypingRules",
    "VerbTable",
    "cameo_match",
    "verb_table",
]

#: Children whose subtrees are other clauses: their words never complete this verb's pattern.
_OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"}

Alternatives = frozenset[str]


@dataclass(frozen=True)
class CameoMatch:
    """What the table says of one verb.

    Attributes:
        type: PLOVER type, or "" when the table codes no event.
        mode: PLOVER mode (2021 crosswalk) or "".
        code: The CAMEO code.
        words: The verb as matched ("meet with").
        pattern: Whether a phrase pattern (not the verb alone) gave the code.
    """

    type: str
    mode: str
    code: str
    words: str
    pattern: bool


@dataclass(frozen=True)
class VerbTable:
    """Verb lemma -> (block, code, type, mode); per block, patterns of required words."""

    verbs: dict[str, tuple[int, str, str, str]]
    forms: dict[str, str]
    blocks: tuple[tuple[tuple[tuple[Alternatives, ...], str, str, str], ...], ...]


@cache
def verb_table() -> VerbTable:
    """The CAMEO verb table, loaded once."""
    raw: dict[str, Any] = load_json("cameo_verbs.json")
    sets = {
        name: frozenset(w.split()[-1] for w in words) for name, words in raw["word_sets"].items()
    }

    def element(word: str) -> Alternatives:
        return sets.get(word, frozenset()) if word.startswith("&") else frozenset((word,))

    blocks = tuple(
        tuple((tuple(element(w) for w in words), code, typ, mode) for words, code, typ, mode in b)
        for b in raw["blocks"]
    )
    verbs = {k: (int(v[0]), str(v[1]), str(v[2]), str(v[3])) for k, v in raw["verbs"].items()}
    return VerbTable(verbs, dict(raw["forms"]), blocks)


def cameo_match(token: Token, appeals: bool = True) -> CameoMatch | None:
    """The table's reading of a verb token, or None when the table does not list the verb.

    Args:
        token: A verb of a parsed sentence.
        appeals: Whether CAMEO 02 (appeals) counts as DEMAND; when not, it codes no event.
    """
    table = verb_table()
    lemma = token.lemma_.lower()
    entry, words = None, token.text
    for child in token.children:  # a phrasal verb first: "meet with", "call on", "rule out"
        if child.dep_ in ("prt", "prep") and child.i == token.i + 1 or child.dep_ == "prt":
            entry = table.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None:
                words = f"{token.text} {child.text}"
                break
    # the written form when the parser's lemma is not a verb of the table ("staged" -> "stag")
    entry = entry or table.verbs.get(lemma) or table.verbs.get(table.forms.get(token.lower_, ""))
    if entry is None:
        return None
    block, code, typ, mode = entry
    clause = _clause_words(token)
    for elements, p_code, p_typ, p_mode in table.blocks[block]:
        if all(alts & clause for alts in elements):
            return _match(p_typ, p_mode, p_code, words, True, appeals)
    return _match(typ, mode, code, words, False, appeals)


def _match(typ: str, mode: str, code: str, words: str, pattern: bool, appeals: bool) -> CameoMatch:
    if code.startswith("02") and not appeals:
        typ, mode = "", ""
    return CameoMatch(typ, mode, code, words, pattern)


def _clause_words(token: Token) -> frozenset[str]:
    """Lower-cased forms and lemmas of the verb's own clause (subject and objects included)."""
    out: set[str] = set()
    stack = [c for c in token.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        t = stack.pop()
        out.add(t.lower_)
        out.add(t.lemma_.lower())
        stack.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSES)
    return frozenset(out)


#: The sources a verb's type may come from, as ``TypingRules.order`` names them.
SOURCES = ("hand_phrase", "cameo_pattern", "hand_verb", "cameo_verb")


@dataclass(frozen=True)
class TypingRules:
    """Which trigger sources type a verb, in which order (the first that types it wins).

    The defaults were chosen by 3-fold cross-validation on the PLOVER gold records among 48
    settings (6 orders x appeals x veto x nouns; bench/eval_events.py): the hand-written
    lexicon first and the CAMEO table as the fallback was chosen on every pair of folds.

    Attributes:
        order: Names of ``SOURCES``: the hand-written lexicon's verb + object phrases and verbs
            (data/plover_lexicon.json), the CAMEO table's patterns and verbs.
        appeals: Whether CAMEO 02 (appeals) codes DEMAND.
        veto: Whether a CAMEO pattern that codes no event ("face a problem") ends the search.
        nouns: Whether the hand-written nominal triggers ("held talks", "his visit") count.
    """

    order: tuple[str, ...] = ("hand_phrase", "hand_verb", "cameo_pattern", "cameo_verb")
    appeals: bool = True
    veto: bool = True
    nouns: bool = True


#: The verb table alone: no word of the hand-written lexicon types an event.
TABLE_ONLY = TypingRules(order=("cameo_pattern", "cameo_verb"), nouns=False)
#: The hand-written lexicon alone, as before the table.
LEXICON_ONLY = TypingRules(order=("hand_phrase", "hand_verb"))
