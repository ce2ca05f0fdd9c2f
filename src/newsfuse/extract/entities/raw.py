"""The raw mention: one name found in a paragraph, before mentions are grouped into entities."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.extract.entities.lexicon import KnownEntity

#: Why a mention got its label when it was not the NER's: read by the type vote of its entity.
#: "dateline": the city or region of a dateline; "agency": the agency of a dateline;
#: "honorific": "Dr." or "Ms." before it; "speaker": the name of a person who speaks, with a
#: person appositive ("said Aoife Breen, a spokeswoman"); "head": a head word of the name
#: ("... Terminals", "River ..."); "title": a role title before it ("Mayor"); "place": a
#: gazetteer name read as a place from its context ("in Halifax"); "government": a gazetteer
#: name used as an actor ("Halifax said").
CUES = ("dateline", "agency", "honorific", "speaker", "head", "title", "place", "government")


@dataclass(frozen=True)
class RawMention:
    """A mention before canonicalisation.

    Attributes:
        paragraph: Paragraph index.
        start: Offset of the first character in the paragraph.
        end: Offset after the last character.
        text: ``paragraph[start:end]``.
        label: PERSON, ORG, GPE, LOC, FAC, NORP, or TITLE.
        known: The alias-table entry it names, if any.
        owner: For a TITLE, the start of the name it is attached to; -1 when used alone.
        cue: One of :data:`CUES` when a rule, not the NER, set the label; "" otherwise.
    """

    paragraph: int
    start: int
    end: int
    text: str
    label: str
    known: KnownEntity | None = None
    owner: int = -1
    cue: str = ""
