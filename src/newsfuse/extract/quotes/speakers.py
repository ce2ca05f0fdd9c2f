"""Resolve a speaker mention (he, it, the Secretary, Blinken) to the name it stands for."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsfuse.extract.nlp import doc_text
from newsfuse.extract.quotes.gender import agrees, gender_of
from newsfuse.extract.quotes.lexicon import (
    NAME_PARTICLES,
    ORG_WORDS,
    PRONOUN_KIND,
    SUBJECT_DEPS,
    TITLE_WORDS,
    cue_lexicon,
)

_PROPER_TAGS = frozenset({"NNP", "NNPS"})
# How many paragraphs back a pronoun may reach for its antecedent subject.
_SUBJECT_WINDOW = 3
# NER labels that settle a name's kind; a country that speaks ("Iraq said") is an "it".
_ENTITY_KINDS = {"GPE": "org"}
_DETERMINERS = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class NameMention:
    """A proper-name mention in the article.

    Attributes:
        paragraph: Paragraph index.
        offset: Character offset of the mention in its paragraph.
        name: The name, without titles ("Antony Blinken").
        kind: "person", "org" or "name" (a single word that may be either).
        subject: Whether the mention is the subject of its clause.
        titles: Lower-cased words before the name in its phrase ("secretary", "state").
    """

    paragraph: int
    offset: int
    name: str
    kind: str
    subject: bool
    titles: frozenset[str]


def collect_mentions(
    docs: Sequence[Doc], quoted: Sequence[Sequence[tuple[int, int]]]
) -> list[NameMention]:
    """List the proper-name mentions of all paragraphs in reading order.

    Args:
        docs: The parsed paragraphs.
        quoted: Per paragraph, the character ranges inside quotation marks; names there are
            the quoted speaker's words and never the antecedent of the writer's "he".
    """
    mentions: list[NameMention] = []
    for index, doc in enumerate(docs):
        text = doc_text(doc)
        for token in doc:
            if token.tag_ not in _PROPER_TAGS or _inside_longer_name(token):
                continue
            if any(a <= token.idx < b for a, b in quoted[index]):
                continue
            first = _name_start(token)
            name = text[doc[first].idx : token.idx + len(token.text)]
            if not name[:1].isupper():
                continue
            titles = frozenset(t.lower_ for t in token.subtree if t.i < first)
            kind = _kind(name, token.ent_type_)
            mentions.append(
                NameMention(index, doc[first].idx, name, kind, _is_subject(token), titles)
            )
    # NER types a surname as a place now and then ("Blinken"); a full name settles it.
    people = {_last_word(m.name) for m in mentions if m.kind == "person"}
    return [
        replace(m, kind="name") if m.kind == "org" and m.name in people else m for m in mentions
    ]


class SpeakerResolver:
    """Resolve speaker mentions against the names met so far in one article."""

    def __init__(self, mentions: list[NameMention]) -> None:
        """Index the article's mentions by position.

        Args:
            mentions: Output of :func:`collect_mentions`.
        """
        self._mentions = mentions
        self._keys = [(m.paragraph, m.offset) for m in mentions]
        self._last_words = [_last_word(m.name) for m in mentions]
        # Titles met with any mention of a surname ("Mrs. Clinton") tell that person's gender.
        self._titles: dict[str, set[str]] = {}
        for mention, last in zip(mentions, self._last_words, strict=True):
            self._titles.setdefault(last, set()).update(mention.titles)

    def resolve(self, doc: Doc, paragraph: int, index: int) -> str | None:
        """Return the name a speaker phrase stands for, or None when it cannot be told.

        Args:
            doc: The parsed paragraph holding the speaker phrase.
            paragraph: Its paragraph index.
            index: Token index of the phrase's head.
        """
        return self._resolve(doc[index], paragraph, depth=0)

    def _resolve(self, token: Token, paragraph: int, depth: int) -> str | None:
        lower = token.lower_
        if lower in PRONOUN_KIND:
            return self._antecedent(paragraph, token.idx, lower)
        if _looks_proper(token):
            doc = token.doc
            first = _name_start(token)
            name = doc_text(doc)[doc[first].idx : token.idx + len(token.text)]
            return self._full_name(name, paragraph, token.idx)
        for child in token.children:
            # "the company's chief executive, Jane Doe, said": the apposition names her.
            if child.dep_ == "appos" and _looks_proper(child) and child.i > token.i:
                return self._resolve(child, paragraph, depth + 1)
        if depth < 3 and lower in cue_lexicon().document_nouns:
            # "a statement from his office", "Sudani's office": the owner is the speaker.
            for child in token.children:
                owner = _owner(child)
                if owner is not None:
                    found = self._resolve(owner, paragraph, depth + 1)
                    if found is not None:
                        return found
        if lower in TITLE_WORDS and _definite(token):
            return self._titled(lower, paragraph, token.idx)
        return None

    def _before(self, paragraph: int, offset: int) -> int:
        """Number of mentions that come before a position."""
        return bisect.bisect_left(self._keys, (paragraph, offset))

    def _antecedent(self, paragraph: int, offset: int, pronoun: str) -> str | None:
        """Most recent compatible mention, preferring recent clause subjects.

        Compatible means of the pronoun's kind (a person for "he", an organisation for
        "it") and, for he and she, not of the other gender when the name tells it.
        """
        kind = PRONOUN_KIND[pronoun]
        wanted = {"person": ("person", "name"), "org": ("org",), "group": ("org",)}.get(kind)
        if wanted is None:
            return None
        candidates = self._mentions[: self._before(paragraph, offset)]
        for prefer_subject in (True, False):
            for mention in reversed(candidates):
                if paragraph - mention.paragraph > _SUBJECT_WINDOW and prefer_subject:
                    break
                if mention.kind in wanted and (mention.subject or not prefer_subject):
                    name = self._full_name(mention.name, mention.paragraph, mention.offset)
                    if agrees(pronoun, self.gender(name)):
                        return name
        return None

    def recent_subject(self, paragraph: int, offset: int, window: int) -> NameMention | None:
        """The last person named as a clause subject within ``window`` paragraphs back.

        Args:
            paragraph: Paragraph of the position.
            offset: Character offset of the position.
            window: How many paragraphs back to look (0: the same paragraph only).
        """
        for mention in reversed(self._mentions[: self._before(paragraph, offset)]):
            if paragraph - mention.paragraph > window:
                return None
            if mention.subject and mention.kind in ("person", "name"):
                return mention
        return None

    def full_name(self, mention: NameMention) -> str:
        """A mention's name, expanded from its surname to the fullest form in the article."""
        return self._full_name(mention.name, mention.paragraph, mention.offset)

    def gender(self, name: str) -> str | None:
        """The gender of a resolved name, from its titles in the article or its first name."""
        return gender_of(name, self._titles.get(_last_word(name), ()))

    def _full_name(self, name: str, paragraph: int, offset: int) -> str:
        """Expand a surname to the longest full name ending with it, earlier first.

        A name of several words is only lengthened by names that end with all of it
        ("Clinton" -> "Hillary Clinton", but "Bill Clinton" stays).
        """
        last = _last_word(name)
        whole = name.lower().split()
        position = self._before(paragraph, offset)
        order = [*range(position - 1, -1, -1), *range(position, len(self._mentions))]
        best = name
        for index in order:
            mention = self._mentions[index]
            if self._last_words[index] == last and mention.kind == "person":
                if len(whole) > 1 and mention.name.lower().split()[-len(whole) :] != whole:
                    continue
                best = mention.name if len(mention.name) > len(best) else best
        return best

    def _titled(self, title: str, paragraph: int, offset: int) -> str | None:
        """The person most recently introduced with a title word ("the Secretary")."""
        for mention in reversed(self._mentions[: self._before(paragraph, offset)]):
            if mention.kind == "person" and title in mention.titles:
                return self._full_name(mention.name, mention.paragraph, mention.offset)
        return None


def fallback_name(text: str) -> str | None:
    """The name of an unresolved speaker phrase: itself without its article, never a pronoun."""
    if text.lower() in PRONOUN_KIND:
        return None
    return _DETERMINERS.sub("", text).strip() or None


def _last_word(name: str) -> str:
    """The last word of a name, hyphenated parts split (al-Sudani -> Sudani)."""
    return re.split(r"[\s-]+", name)[-1]


def _looks_proper(token: Token) -> bool:
    """A proper noun, or a capitalised noun inside a sentence (the tagger misses rare names)."""
    if token.tag_ in _PROPER_TAGS:
        return True
    inside = token.i > token.sent.start and token.text[:1].isupper()
    return inside and token.tag_ in ("NN", "NNS")


def _inside_longer_name(token: Token) -> bool:
    """Whether the token is a non-final word of a longer name (Antony in Antony Blinken)."""
    head = token.head
    return (
        token.dep_ in ("compound", "flat")
        and head.tag_ in _PROPER_TAGS
        and head.i > token.i
        and head.i - token.i <= 4
    )


def _name_start(head: Token) -> int:
    """Index of the first word of the name ending at ``head`` (titles left out)."""
    doc = head.doc
    first = head.i
    while first > 0:
        prev = doc[first - 1]
        joined = prev.text == "-" and not prev.whitespace_ and not doc[first - 2].whitespace_
        particle = prev.lower_ in NAME_PARTICLES and (joined or not prev.whitespace_)
        if prev.lower_ in TITLE_WORDS or prev.lower_.rstrip(".") in TITLE_WORDS:
            break
        proper = prev.tag_ in _PROPER_TAGS and head.i >= prev.head.i > prev.i
        if not (proper or joined or particle or (prev.text == "-" and not prev.whitespace_)):
            break
        first -= 1
    while first < head.i and not doc[first].text[:1].isalpha():
        first += 1
    return first


def _kind(name: str, label: str) -> str:
    """Classify a name as a person, an organisation, or either.

    The word lists decide first; NER (when it ran) only types the single words they leave
    open, such as a country that speaks ("Iraq said" -> "it").
    """
    words = name.lower().split()
    if any(w in ORG_WORDS for w in words) or (name.isupper() and len(name) > 1):
        return "org"
    if len(words) >= 2:
        return "person"
    return _ENTITY_KINDS.get(label, "name")


def _is_subject(token: Token) -> bool:
    """Whether the name heads a clause subject, owns one, or is one's apposition."""
    if token.dep_ in SUBJECT_DEPS:
        return True
    # "Sudani's office said"; "His strategist, Tad Devine, said" (the name in apposition).
    return token.dep_ in ("poss", "appos") and token.head.dep_ in SUBJECT_DEPS


def _owner(child: Token) -> Token | None:
    """The owner named by a possessive or "from/of" child of a document noun."""
    if child.dep_ in ("poss", "compound") and (child.tag_ in _PROPER_TAGS or child.tag_ == "PRP$"):
        return child
    if child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
        for obj in child.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _definite(token: Token) -> bool:
    """Whether a role noun is definite ("the president"), as opposed to "a U.S. official"."""
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return "the" in dets or (not dets and token.text[:1].isupper())
