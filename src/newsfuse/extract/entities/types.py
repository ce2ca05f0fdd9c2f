"""An entity's type and display name from its mentions, and capitalised words that are not names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache

from spacy.language import Language

from newsfuse.extract.entities.cues import surely_place
from newsfuse.extract.entities.gazetteer import fold, geo_index
from newsfuse.extract.entities.heads import head_type, heads
from newsfuse.extract.entities.names import name_key
from newsfuse.extract.entities.raw import RawMention
from newsfuse.models import EntityType

TYPE_OF_LABEL: dict[str, EntityType] = {
    "PERSON": "person",
    "TITLE": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
#: When mentions of one name disagree on the type, the stronger evidence wins the tie.
TYPE_PRIORITY: tuple[EntityType, ...] = ("person", "org", "place", "group")
#: The label a mention of an entity of each type carries once the type is decided.
LABEL_OF_TYPE: dict[EntityType, str] = {
    "person": "PERSON", "org": "ORG", "place": "GPE", "group": "NORP"
}  # fmt: skip
_LOWER_IN_NAMES = frozenset({"of", "the", "and", "de", "la", "le", "du", "da", "del", "upon"})
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
_OPENERS = "\"“‘'(["
_NEXT_WORD = re.compile(r"\s+(\w+)")


def decide_type(name: str, mentions: Sequence[RawMention]) -> EntityType:
    """The type of an entity whose type no alias entry or full personal name fixed.

    Strongest first: a dateline makes a place; a courtesy title or a person appositive a
    person; a dateline agency an organisation; then the name's head word; then a role title
    before a mention; then, when the NER split its labels, a name the gazetteer knows only
    as a place votes place unless a mention of it acts as a government ("Halifax said");
    last the majority of the NER labels.
    """
    cues = {m.cue for m in mentions}
    if "dateline" in cues:
        return "place"
    if cues & {"honorific", "speaker"}:
        return "person"
    if "agency" in cues:
        return "org"
    kind = head_type(name)
    if kind is not None:
        return kind
    if "title" in cues:
        return "person"
    votes = Counter(TYPE_OF_LABEL.get(m.label, "org") for m in mentions)
    if len(votes) > 1 and "government" not in cues and surely_place(name):
        return "place"
    return vote(votes)


def vote(votes: Counter[EntityType]) -> EntityType:
    """The most voted type; ties go to the stronger evidence (:data:`TYPE_PRIORITY`)."""
    return max(votes, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t)))


def display_name(name: str, mentions: Sequence[RawMention]) -> str:
    """The name as written in running text: "Cork" rather than the dateline's "CORK"."""
    if not name.isupper():
        return name
    key = name_key(name)
    for m in mentions:
        if not m.text.isupper() and name_key(m.text) == key:
            return m.text
    if any(m.cue == "dateline" for m in mentions):
        return title_case(name)
    return name


def title_case(name: str) -> str:
    """ "ST. JOHN'S" -> "St. John's", "WILKES-BARRE" -> "Wilkes-Barre", "GDAŃSK" -> "Gdańsk"."""
    words = name.lower().split(" ")
    return " ".join(
        w if i and w in _LOWER_IN_NAMES else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )


@cache
def common_words(nlp: Language) -> frozenset[str]:
    """English words of the pipeline's lemmatizer tables (WordNet's index), lower case.

    Empty when the pipeline has no rule lemmatizer: the rule that reads them is then off.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos, ()))


def drop_sentence_starts(
    paragraphs: Sequence[str], raw: list[RawMention], words: Callable[[], frozenset[str]]
) -> list[RawMention]:
    """Drop a capitalised common word the NER took for a name at a sentence start.

    "Flour, ovens, the till" is not a person. A word stays a name when it also appears
    capitalised inside a sentence, when the gazetteer knows it, when a rule typed it, or when
    it is a word of a full personal name of the article ("Rice said" after "Susan Rice").

    Args:
        paragraphs: The article's paragraphs.
        raw: Its mentions.
        words: Gives the common words (called only when a mention may be one).

    Returns:
        ``raw`` without those mentions.
    """
    suspects = [m for m in raw if _suspect(paragraphs[m.paragraph], m, raw)]
    if not suspects:
        return raw
    common = words()
    named = {w for m in raw if m.label == "PERSON" for w in m.text.split() if " " in m.text}
    dropped = {
        (m.paragraph, m.start)
        for m in suspects
        if _common(m.text.lower(), common)
        and m.text not in named
        and fold(m.text) not in geo_index().by_name
        and not _inside_sentence(paragraphs, m.text)
    }
    return [m for m in raw if (m.paragraph, m.start) not in dropped]


def _common(word: str, common: frozenset[str]) -> bool:
    """Whether a word or its singular is in the word list (WordNet lists lemmas: "crane")."""
    return word in common or any(
        word.endswith(end) and word[: -len(end)] in common for end in ("s", "es")
    )


def _suspect(text: str, m: RawMention, raw: list[RawMention]) -> bool:
    """A lone capitalised word ("Flour", not "McG") the NER alone typed, opening a sentence,
    that neither speaks ("White said") nor stands in a list of names ("Madonna, Uma ...")."""
    word = m.text[:1].isupper() and m.text[1:].islower() and m.text.isalpha()
    ner_only = not m.cue and m.known is None and m.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"}
    if not (word and ner_only and _sentence_start(text, m.start)):
        return False
    following = _NEXT_WORD.match(text, m.end)
    if following and following.group(1) in heads().speech_verbs:
        return False
    return not any(
        n.paragraph == m.paragraph and text[m.end : n.start].strip() in {",", "and", ", and"}
        for n in raw
        if n.start > m.end
    )


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip().rstrip(_OPENERS).rstrip()
    return not before or bool(_SENTENCE_END.search(before))


def _inside_sentence(paragraphs: Sequence[str], word: str) -> bool:
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
    return any(
        not _sentence_start(text, hit.start())
        for text in paragraphs
        for hit in pattern.finditer(text)
    )
