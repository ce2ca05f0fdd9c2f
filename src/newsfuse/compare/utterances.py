"""Two quotes of one utterance that differ: a word changed, or the words given to two people."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from newsfuse.compare.words import lexicon
from newsfuse.models import Claim, Conflict, Quote

#: Words two quotes must share, nearly in order, to be the same quote of possibly two speakers.
SAME_QUOTE = 0.9
MIN_QUOTE_WORDS = 5
#: Share of the shorter quote's words the longer one must hold, in order, for the two to be
#: one utterance quoted twice (the rest may be cut off or run on: that is no conflict).
SAME_UTTERANCE = 0.6
#: The longest change that is a changed word rather than a cut (an ellipsis, a clause left
#: out): the conflicts of claims-dev change one to three words; set by hand.
MAX_CHANGE = 3

#: A word, with its apostrophes (straight or curly: "we’re" is one word, not "we" and "re").
WORD = re.compile(r"[\w'’]+")
#: Quotation marks that open or close a quoted stretch inside a mixed quote.
_QUOTE_MARK = re.compile(r'["“”„«»]')
#: Where two pieces of a joined quote meet: the comma that closed the first before the second's
#: capital ("… of the relationship, It’s always been …").
_JOINED = re.compile(r"(?<=,)\s+(?=[A-Z][a-z’']+\s)")


#: Contractions written out before two quotes are compared; "'s" only after the words it
#: stands for "is" ("it's"), not a possessive ("Trump's"); "'d" (had or would) is left alone.
_ENDINGS = {"re": "are", "m": "am", "ll": "will", "ve": "have"}
_IS_AFTER = frozenset({"he", "she", "it", "that", "there", "here", "what", "who", "where"})
_IRREGULAR = {"won't": ("will", "not"), "can't": ("can", "not"), "let's": ("let", "us")}


def quotes_apart(a: Claim, b: Claim, quotes: Mapping[str, Sequence[Quote]]) -> Conflict | None:
    """One utterance quoted twice with a word changed: aligned word by word, a word
    substituted, or a content word added or dropped, inside the stretch both quote (what one
    cuts off or runs on is no conflict); or the same words given to two people."""
    mine = [(q, _utterances(q)) for q in (quotes[a.article_id][i] for i in a.quotes)]
    theirs = [(q, _utterances(q)) for q in (quotes[b.article_id][j] for j in b.quotes)]
    for qa, said_a in mine:
        for qb, said_b in theirs:
            for ta in said_a:
                for tb in said_b:
                    found = _one_utterance(a, b, qa, qb, ta, tb)
                    if found is not None:
                        return found
    return None


def _spoken(quote: Quote) -> list[str]:
    """The speaker's own words in a quote: all of a direct or partial quote; the quoted
    stretches of a mixed one (the rest of a mixed clause, and reported speech, is the
    writer's wording). A stretch left open runs to the end of the quote."""
    if quote.kind == "indirect":
        return []
    if quote.kind == "mixed":
        return [part for part in _QUOTE_MARK.split(quote.text)[1::2] if part.strip()]
    return [quote.text]


def _utterances(quote: Quote) -> list[str]:
    """What a quote may repeat of one utterance: each stretch of the speaker's own words, then
    each piece of a stretch joined from several (a quote joined from '"A," he said. "B."' is
    two utterances, either of which another report may quote alone)."""
    stretches = _spoken(quote)
    pieces = [p for s in stretches for p in _JOINED.split(s) if p.strip()]
    return stretches + [p for p in pieces if p not in stretches]


def _one_utterance(a: Claim, b: Claim, qa: Quote, qb: Quote, ta: str, tb: str) -> Conflict | None:
    """A changed word, or the same words given to two people, between two quoted texts."""
    wa, wb = _words(ta), _words(tb)
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < MIN_QUOTE_WORDS or shared < SAME_UTTERANCE * min(len(wa), len(wb)):
        return None  # not one utterance
    if _other_speakers(qa.speaker_name, qb.speaker_name):
        whole = shared >= SAME_QUOTE * max(len(wa), len(wb))
        if whole and qa.kind == qb.kind == "direct" and _named_apart(qa, qb):
            speakers = (qa.speaker_name or "", qb.speaker_name or "")
            values = ((speakers[0], (a.id,)), (speakers[1], (b.id,)))
            return Conflict("attribution", "speaker", values)
        return None
    if _changed_inside(matcher.get_opcodes(), wa, wb):
        return Conflict("quote", "wording", ((ta, (a.id,)), (tb, (b.id,))))
    return None


def _changed_inside(
    ops: Sequence[tuple[str, int, int, int, int]], wa: list[str], wb: list[str]
) -> bool:
    """Whether, between the first and the last words both quotes share, a word was
    substituted or added or dropped ("beat up" / "beat"); a determiner or a conjunction may
    come and go, and a longer stretch is a cut, not a change."""
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return False
    lex = lexicon()
    droppable = frozenset(lex["determiners"]) | frozenset(lex["droppable"])
    for tag, i1, i2, j1, j2 in ops[equal[0] + 1 : equal[-1]]:
        old, new = wa[i1:i2], wb[j1:j2]
        if max(len(old), len(new)) > MAX_CHANGE:
            continue  # a cut (an ellipsis, a clause left out), not a changed word
        if tag == "replace" and not _same_words(old, new):
            return True
        if tag != "replace" and any(w not in droppable for w in (*old, *new)):
            return True
    return False


def _same_words(old: list[str], new: list[str]) -> bool:
    """Words that differ without changing what was said: singular and plural ("school" /
    "schools"; a verb's tense does change it: "running" / "run"), a word written out and
    shortened ("Senator" / "Sen."), or one determiner for another ("every" / "the")."""
    if len(old) != len(new):
        return False
    determiners = frozenset(lexicon()["determiners"])
    shortened: dict[str, str] = lexicon()["abbreviations"]
    for x, y in zip(old, new, strict=True):
        short, full = sorted((x, y), key=len)
        if full in (short + "s", short + "es") or shortened.get(short) == full:
            continue
        if x in determiners and y in determiners:
            continue
        return False
    return True


def _named_apart(qa: Quote, qb: Quote) -> bool:
    """Both speakers are named people, and neither is named inside the other's quote (a name
    inside a quote is not its speaker)."""
    names = [q.speaker_name or "" for q in (qa, qb)]
    if not all(" " in n for n in names):
        return False
    return not any(
        set(_words(n)) & set(_words(q.text)) for n, q in zip(names, (qb, qa), strict=True)
    )


def _words(text: str) -> list[str]:
    """Lower-cased words, a contraction written out ("he's" -> "he is", "don't" -> "do not"),
    so that one quote's "he is" and another's "he's" are the same words."""
    out: list[str] = []
    for word in WORD.findall(text):
        out.extend(_written_out(word.lower().replace("’", "'")))
    return out


def _written_out(word: str) -> tuple[str, ...]:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    stem, _, tail = word.rpartition("'")
    if not stem:
        return (word,)
    if tail == "t" and stem.endswith("n"):
        return (stem[:-1], "not")
    if tail in _ENDINGS:
        return (stem, _ENDINGS[tail])
    if tail == "s" and stem in _IS_AFTER:
        return (stem, "is")
    return (word,)


def _other_speakers(x: str | None, y: str | None) -> bool:
    """Both speakers known and no name word in common ("Vasconcelos" is "Helena Vasconcelos")."""
    if not x or not y:
        return False
    return not set(_words(x)) & set(_words(y))
