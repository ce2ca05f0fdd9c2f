"""Raw entity mentions of one paragraph: alias-table matches, NER spans, titles and groups."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from newsfuse.extract.entities.cues import context_labels, head_label
from newsfuse.extract.entities.dateline import dateline_mentions, geo_phrases
from newsfuse.extract.entities.heads import is_honorific
from newsfuse.extract.entities.lexicon import SHORT_ACRONYM, EntityLexicon, shouted
from newsfuse.extract.entities.places import demonym_country, is_government_use
from newsfuse.extract.entities.raw import RawMention
from newsfuse.extract.nlp import doc_text

__all__ = ["NER_LABELS", "paragraph_mentions"]

#: NER labels this stage reads; everything else (dates, numbers, works of art) is not an actor.
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_LABEL_OF_TYPE = {"person": "PERSON", "org": "ORG", "place": "GPE", "group": "NORP"}
_WORDS = re.compile(r"[A-Za-z][\w.'’]*|-")
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s?|[\s.,;:!?\"“”)\]])+$")
_TITLE_EDGE = frozenset({"of", "for", "the", "The", "and", "-"})
# Characters of context a seat of government is judged on ("Washington sees this ...").
_SEAT_WINDOW = 60


def paragraph_mentions(
    index: int, doc: Doc, lex: EntityLexicon
) -> tuple[list[RawMention], set[str]]:
    """Find the mentions of one paragraph.

    Args:
        index: Paragraph index.
        doc: The paragraph parsed with NER.
        lex: The alias lexicon.

    Returns:
        The mentions in text order, and the country codes its demonyms point to.
    """
    text = doc_text(doc)
    known = _alias_matches(index, text, lex)
    ner = [
        m
        for ent in doc.ents
        if ent.label_ in NER_LABELS
        for m in _ner_mentions(index, text, ent.start_char, ent.end_char, ent.label_)
    ]
    ner = [head_label(_known(m, lex)) for m in _with(ner, geo_phrases(index, text))]
    mentions = [_untitled(text, m, lex) for m in _arbitrate(known, ner)]
    dateline = [_known(m, lex) for m in dateline_mentions(index, text)]
    mentions = _with(mentions, dateline, keep_larger=False)
    evidence: set[str] = set()
    mentions = _groups(text, mentions, lex, evidence)
    mentions = [_seat(text, m, lex) for m in mentions]
    mentions = _titles(index, text, context_labels(text, mentions), lex)
    return sorted(mentions, key=lambda m: (m.start, -m.end)), evidence


def _alias_matches(index: int, text: str, lex: EntityLexicon) -> list[RawMention]:
    out: list[RawMention] = []
    for match in lex.pattern.finditer(text):
        entry = lex.known[match.group()]
        short = len(match.group()) <= SHORT_ACRONYM and match.group().isupper()
        if short and shouted(text, match.start(), match.end()):
            continue
        label = _LABEL_OF_TYPE[entry.type]
        out.append(RawMention(index, match.start(), match.end(), match.group(), label, entry))
    return out


def _ner_mentions(index: int, text: str, start: int, end: int, label: str) -> list[RawMention]:
    """An NER span without its leading article and trailing possessive or punctuation.

    A span joined by a slash is two names when one of them has several words ("Aaron
    Delisle/Meridian Post", "REUTERS/Amr Dalsh").
    """
    span = text[start:end]
    parts = span.split("/")
    if len(parts) == 1 or all(" " not in p.strip() for p in parts):  # "Frost/Nixon" is a title
        found = _ner_mention(index, text, start, end, label)
        return [found] if found is not None else []
    out: list[RawMention] = []
    for part in re.finditer(r"[^/]+", span):
        found = _ner_mention(index, text, start + part.start(), start + part.end(), label)
        if found is not None:
            out.append(found)
    return out


def _ner_mention(index: int, text: str, start: int, end: int, label: str) -> RawMention | None:
    """An NER span without its leading article and trailing possessive or punctuation."""
    lead = _LEAD.match(text[start:end])
    if lead:
        start += lead.end()
    trail = _TRAIL.search(text[start:end])
    if trail:
        end = start + trail.start()
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return RawMention(index, start, end, text[start:end], label)


def _known(mention: RawMention, lex: EntityLexicon) -> RawMention:
    """Look an NER span up in the alias table too ("THE UNITED STATES" in shouted text)."""
    entry = lex.find(mention.text) if mention.label != "NORP" else None
    if entry is None:
        return mention
    return replace(mention, label=_LABEL_OF_TYPE[entry.type], known=entry)


def _untitled(text: str, mention: RawMention, lex: EntityLexicon) -> RawMention:
    """Cut leading title words off a PERSON span ("President Joe Biden" -> "Joe Biden")."""
    if mention.label != "PERSON":
        return mention
    words = list(_WORDS.finditer(mention.text))
    run = 0
    while run < len(words) - 1 and _title_word(words[run].group(), lex):
        run += 1
    # Cut only through the last head word: "Jordan" alone before a surname is a first name.
    heads = [i for i in range(run) if _is_head(words[i].group(), lex)]
    cut = heads[-1] + 1 if heads else 0
    while cut < run and words[cut].group() in {"-", "elect"}:
        cut += 1
    if cut == 0:
        return mention
    start = mention.start + words[cut].start()
    return replace(mention, start=start, text=text[start : mention.end])


def _arbitrate(known: list[RawMention], ner: list[RawMention]) -> list[RawMention]:
    """Merge alias matches with NER spans; the alias table wins unless NER names more.

    An NER span keeps its place over the alias matches inside it only when it has a word of
    its own ("U.S. Army", "Michael Jordan"); "U.S.-Iraq" tagged PERSON is two places.
    """
    kept_known = list(known)
    out: list[RawMention] = []
    for span in ner:
        inside = [k for k in known if k.start < span.end and span.start < k.end]
        if not inside:
            out.append(span)
            continue
        contains = all(span.start <= k.start and k.end <= span.end for k in inside)
        rest = span.text
        for k in sorted(inside, key=lambda k: -k.start):
            rest = rest[: k.start - span.start] + rest[k.end - span.start :]
        own_word = any(w[0].isalpha() for w in _WORDS.findall(rest) if w != "-")
        if contains and own_word and span.label != "NORP":
            out.append(span)
            kept_known = [k for k in kept_known if k not in inside]
    return out + kept_known


def _with(
    mentions: list[RawMention], found: list[RawMention], keep_larger: bool = True
) -> list[RawMention]:
    """Add mentions a rule found; they replace the spans they overlap.

    With ``keep_larger``, a span that holds a found mention and more words of its own stays
    instead ("River Lee Catchment Authority" over "River Lee"); a dateline always wins.
    """
    out = list(mentions)
    for s in found:
        if keep_larger and any(
            m.start <= s.start and s.end <= m.end and m.end - m.start > s.end - s.start for m in out
        ):
            continue
        out = [m for m in out if m.end <= s.start or s.end <= m.start]
        out.append(s)
    return out


def _groups(
    text: str, mentions: list[RawMention], lex: EntityLexicon, evidence: set[str]
) -> list[RawMention]:
    """Turn "Sunni rebels" into a group; a bare demonym ("Iraqi") is only evidence."""
    out: list[RawMention] = []
    norps = sorted(
        (m for m in mentions if m.label == "NORP" and m.known is None), key=lambda m: m.start
    )
    run_start: int | None = None
    for i, norp in enumerate(norps):
        code = demonym_country(norp.text)
        if code:
            evidence.add(code)
        run_start = norp.start if run_start is None else run_start
        following = text[norp.end :]
        nxt = norps[i + 1] if i + 1 < len(norps) else None
        if nxt is not None and not text[norp.end : nxt.start].strip():
            continue  # "Syrian Kurdish fighters": the run goes on
        word = re.match(r"\s+([a-z][\w'’-]*)", following)
        if word and word.group(1) in lex.group_nouns:
            end = norp.end + word.end()
            out.append(RawMention(norp.paragraph, run_start, end, text[run_start:end], "NORP"))
        run_start = None
    return out + [m for m in mentions if m.label != "NORP" or m.known is not None]


def _seat(text: str, mention: RawMention, lex: EntityLexicon) -> RawMention:
    """A seat of government used as an actor becomes a mention of that government."""
    entry = mention.known if mention.known is not None else lex.find(mention.text)
    if entry is None or not entry.seat or entry.country not in lex.governments:
        return mention
    before = text[max(0, mention.start - _SEAT_WINDOW) : mention.start]
    if not is_government_use(before, text[mention.end : mention.end + _SEAT_WINDOW]):
        return replace(mention, label="GPE", known=entry)
    return replace(mention, label="ORG", known=lex.governments[entry.country])


def _titles(
    index: int, text: str, mentions: list[RawMention], lex: EntityLexicon
) -> list[RawMention]:
    """Find titles before names ("Iraqi Prime Minister X") and titles used alone."""
    words = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text)]
    person_at = {m.start: m for m in mentions if m.label == "PERSON"}
    titles: list[RawMention] = []
    i = 0
    while i < len(words):
        if not _title_word(words[i][0], lex):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and _title_word(words[j + 1][0], lex)
            and _adjacent(text, words[j][2], words[j + 1][1])
        ):
            j += 1
        run = words[i : j + 1]
        i = j + 1
        while run and (run[0][0] in _TITLE_EDGE or run[0][0][0].islower()):
            run = run[1:]
        while run and run[-1][0] in _TITLE_EDGE - {"-"}:
            run = run[:-1]
        if not run or not any(_is_head(w, lex) for w, _, _ in run):
            continue
        if all(is_honorific(w) for w, _, _ in run):
            continue  # "Dr.", "Ms." are courtesy, not a role: never a name or an alias
        start, end = run[0][1], run[-1][2]
        after = text[end:].lstrip()
        owner = person_at.get(len(text) - len(after))
        if owner is None and not _standalone(text, start, after, lex):
            continue
        titles.append(
            RawMention(
                index, start, end, text[start:end], "TITLE", owner=owner.start if owner else -1
            )
        )
    if not titles:
        return mentions
    # An ORG or PERSON span inside a title is a piece of it ("State" in "Secretary of State").
    kept = [
        m
        for m in mentions
        if m.label not in {"ORG", "PERSON"}
        or m.known is not None
        or not any(t.start <= m.start and m.end <= t.end for t in titles)
    ]
    return kept + titles


def _title_word(word: str, lex: EntityLexicon) -> bool:
    return word in lex.title_words or _is_head(word, lex)


def _is_head(word: str, lex: EntityLexicon) -> bool:
    return word in lex.title_heads or word.rstrip(".") in lex.title_heads


def _adjacent(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip()


def _standalone(text: str, start: int, after: str, lex: EntityLexicon) -> bool:
    """A title with no name after it counts when it is definite ("the Iraqi Prime Minister")."""
    nxt = _WORDS.match(after)
    if nxt and (nxt.group() in lex.title_exclude_after or nxt.group()[0].isupper()):
        return False  # "Prime Minister's Office" is an org; a capital word may be a missed name
    if after.startswith(("'s ", "’s ")):
        rest = _WORDS.match(after[3:])
        if rest and rest.group() in lex.title_exclude_after:
            return False
    before = text[:start].split()
    return bool(before) and before[-1] in {"the", "The"} or not before and start == 0
