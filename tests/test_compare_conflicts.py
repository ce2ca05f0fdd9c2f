"""Conflicts slot by slot: figures (bounds, rounding, shares of one whole), quotes' words."""

from __future__ import annotations

import pytest

from newsfuse.compare.conflicts import compatible
from newsfuse.compare.figures import quantities
from newsfuse.compare.slots import dates_apart, ranks_apart
from newsfuse.compare.utterances import _changed_inside, _spoken, _words, quotes_apart
from newsfuse.models import Claim, DateRef, Quote, QuoteKind


def _figure(text: str):  # type: ignore[no-untyped-def]
    [q] = quantities(text, [])
    return q


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("31 emergencies", "at least 30 emergencies", True),  # inside a bound
        ("about 2,500 troops", "2,480 troops", True),  # the hedged figure is a rounding
        ("$716 billion", "$700 billion", True),  # a figure given to a coarser place
        ("23 percent", "77 percent", True),  # two shares of one whole
        ("15 bills", "some 16 bills", False),  # 15 does not round to 16
        ("$3.5 billion", "about $3.6 billion", False),  # nor 3.5 to 3.6
        ("about 200 protesters", "about 150 protesters", False),
        ("roughly 520,000 arrests", "400,000 arrests", False),
        ("2,500 troops", "3,000 troops", False),  # two exact figures differ
    ],
)
def test_figures(first: str, second: str, agree: bool) -> None:
    assert compatible(_figure(first), _figure(second)) is agree
    assert compatible(_figure(second), _figure(first)) is agree


def _changed(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    wa, wb = _words(a), _words(b)
    return _changed_inside(SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes(), wa, wb)


@pytest.mark.parametrize(
    ("first", "second", "changed"),
    [
        # A word substituted inside what both quote: the conflicts of claims-dev's kind.
        ("It's destructive to the fabric of the relationship", "destructive of the fabric", True),
        ("like he's running his business", "like he's run his business", True),
        ("and angry shareholders and contractors", "and angry stockholders and contractors", True),
        (
            "could be abused to beat up the department",
            "could be abused to beat the department",
            True,
        ),
        # Cut off or run on, punctuation, a function word, plural, a determiner, a title.
        ("We will reopen every school before the end", "reopen every school", False),
        ("We will win, at last!", "We will win at last", False),
        # Curly and straight apostrophes: one word either way, not a changed word.
        ("I think it’s destructive of the fabric", "I think it's destructive of the fabric", False),
        ("We’re talking about an invasion of our country", "an invasion of our country", False),
        (
            "We will reopen every school before the end of the month",
            "We will reopen the schools before the end of this month",
            False,
        ),  # fmt: skip
        (
            "protects freedom of religion, Senator Reid respects",
            "religion, Sen. Reid respects",
            False,
        ),
        (
            "we offered him a chance to talk with a private meeting with the party and then to "
            "leave",
            "we offered him a chance to talk and then to leave",
            False,
        ),  # fmt: skip
    ],
)
def test_quote_words(first: str, second: str, changed: bool) -> None:
    assert _changed(first, second) is changed


def test_a_word_keeps_its_curly_apostrophe() -> None:
    # One word either way, and a contraction written out: "we’re" is "we are", never "we" + "re".
    assert _words("We’re sure it's Trump’s") == ["we", "are", "sure", "it", "is", "trump's"]


#: The start of a long quote, so that a two-utterance quote shares under 60 % of its words.
LONG = (
    "What has happened over the last several weeks, by virtue of the invitation, is that "
    "there has now been injected a degree of partisanship, which is not only unfortunate, "
)


def _quoted(article: str, text: str) -> tuple[Claim, Quote]:
    quote = _quote(text, "direct")
    return Claim(f"{article}:0.0", article, article, 0, 0, 0, len(text), text, quotes=(0,)), quote


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # A contraction is the same words: no conflict.
        (
            "He is determined to prevent Iran from getting nuclear weapons",
            "He’s determined to prevent Iran from getting nuclear weapons and I respect that",
            False,
        ),
        # A quote joined from two ('"A," she said. "B."') holds two utterances; another report
        # quoting the first alone with a word changed disagrees with it.
        (
            "It's destructive to the fabric of the relationship, It’s always been bipartisan. "
            "We need to keep it that way.",
            LONG + "I think it's destructive of the fabric of the relationship",
            True,
        ),
        # The same first utterance quoted word for word agrees.
        (
            "It's destructive to the fabric of the relationship, It’s always been bipartisan. "
            "We need to keep it that way.",
            LONG + "I think it's destructive to the fabric of the relationship",
            False,
        ),
    ],
)
def test_one_utterance_of_a_joined_quote(first: str, second: str, conflict: bool) -> None:
    (a, qa), (b, qb) = _quoted("a", first), _quoted("b", second)
    found = quotes_apart(a, b, {"a": [qa], "b": [qb]})
    assert (found is not None and found.slot == "quote") is conflict


def _quote(text: str, kind: QuoteKind) -> Quote:
    return Quote(text, kind, 0, 0, len(text), 0, "say", "she", None, "Susan Rice")


WHOLE = "It's destructive to the fabric of the relationship"
OPEN = "could be abused by members to beat up the department"


@pytest.mark.parametrize(
    ("text", "kind", "spoken"),
    [
        (WHOLE, "direct", [WHOLE]),
        (
            "the speech has “injected a degree of partisanship” and is “destructive”",
            "mixed",
            ["injected a degree of partisanship", "destructive"],
        ),
        # A stretch left open (the quotation runs past the clause) runs to the end.
        (f'it "{OPEN}', "mixed", [OPEN]),
        ("the speech would harm the relationship", "mixed", []),
        ("the speech would harm the relationship", "indirect", []),
    ],
)
def test_the_speakers_words_of_a_quote(text: str, kind: QuoteKind, spoken: list[str]) -> None:
    # A mixed quote's words outside the marks are the writer's: only what is quoted can be
    # compared word by word with another report's quote of the same utterance.
    assert _spoken(_quote(text, kind)) == spoken


@pytest.mark.parametrize(("reports", "sentences"), [(1, 3000), (40, 400)])
def test_the_claims_compared_are_bounded(reports: int, sentences: int) -> None:
    """Pairwise arrays grow with the square of a story's claims: a huge report or a story of
    many long ones gives at most MAX_STORY_CLAIMS claims (each report's first)."""
    from newsfuse.compare.claims import (
        LEAD_CLAIMS,
        MAX_REPORT_CLAIMS,
        MAX_STORY_CLAIMS,
        story_claims,
    )
    from newsfuse.models import Article, Block, Metadata, Origin

    articles = [
        Article(
            id=f"a{r}",
            content_key=f"a{r}",
            origin=Origin(record_id=f"a{r}"),
            format="text",
            meta=Metadata(outlet=f"Outlet {r}"),
            body=tuple(Block(f"Ships number {i} came back to port {r}.") for i in range(sentences)),
        )
        for r in range(reports)
    ]
    claims, _ = story_claims(articles, [None] * reports)
    per_report = min(MAX_REPORT_CLAIMS, max(LEAD_CLAIMS, MAX_STORY_CLAIMS // reports))
    assert len(claims) == reports * min(sentences, per_report) <= MAX_STORY_CLAIMS
    assert claims[0].paragraph == 0  # the first ones are kept


def _claim(text: str, *dates: tuple[str, str, str]) -> Claim:
    refs = tuple(DateRef(t, value, granularity, "exact") for t, value, granularity in dates)
    return Claim(f"{text[:8]}:0.0", text[:8], None, 0, 0, 0, len(text), text, dates=refs)


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        # Two days, or a week and a month, that do not overlap.
        (
            ("Tuesday", "2011-11-01", "day"),
            ("Wednesday", "2011-11-02", "day"),
            ("1 Nov 2011", "2 Nov 2011"),
        ),
        (
            ("last week", "2011-W23", "week"),
            ("last month", "2011-05", "month"),
            ("week of 6 June 2011", "May 2011"),
        ),
        # One time told two ways: a day inside the week, the month or the weekend.
        (("Tuesday", "2011-11-01", "day"), ("this month", "2011-11", "month"), None),
        (("Sunday", "2024-12-08", "day"), ("the weekend", "2024-W49-WE", "weekend"), None),
        # Years are too coarse to tell.
        (("2035", "2035", "year"), ("2036", "2036", "year"), None),
    ],
)  # fmt: skip
def test_dates(
    first: tuple[str, str, str], second: tuple[str, str, str], values: tuple[str, str] | None
) -> None:
    found = dates_apart(_claim("The vote was held", first), _claim("They voted", second))
    if values is None:
        assert found is None
    else:
        assert found is not None and found.slot == "date"
        assert tuple(v for v, _ in found.values) == values


def test_a_date_both_claims_give_is_left_aside() -> None:
    shared = ("2036", "2036", "year")
    a = _claim(
        "Trustees warned last week",
        ("last week", "2011-W23", "week"),
        ("Monday", "2011-06-06", "day"),
    )
    b = _claim("Trustees warned on Monday", ("Monday", "2011-06-06", "day"), shared)
    assert dates_apart(a, b) is None  # "last week" holds that Monday
    c = _claim(
        "Trustees warned in May", ("May", "2011-05", "month"), ("Monday", "2011-06-06", "day")
    )
    assert dates_apart(a, c) is not None  # apart from the Monday both give: a week against a month


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Lieberman was the leading contender", "Lieberman was among the finalists", True),
        ("Gdansk is Poland's largest port", "Gdansk is Poland's second-largest port", True),
        ("Gdansk is one of the largest ports", "Gdansk is the largest port", True),
        ("Lieberman is his top choice", "Lieberman was the leading contender", False),  # both first
        ("It is the biggest port", "It is the largest port", False),
        ("at the top of the list", "among the finalists", False),  # "the top of" ranks nothing
        ("The first lady said", "among the guests", False),  # an ordinal alone is no rank
        (
            "Lieberman was the leading contender",
            "Lieberman was a contender",
            False,
        ),  # one rank only
    ],
)
def test_rank(first: str, second: str, conflict: bool) -> None:
    found = ranks_apart(_claim(first), _claim(second))
    assert (found is not None) is conflict
    if found is not None:
        assert found.slot == "rank"


def _with_figures(cid: str, text: str) -> Claim:
    article = cid.split(":")[0]
    quantities_found = tuple(quantities(text, []))
    return Claim(cid, article, article, 0, 0, 0, len(text), text, quantities=quantities_found)


def test_a_conflict_lists_every_claim_of_the_group_on_its_side() -> None:
    from newsfuse.compare.conflicts import judge

    low = _with_figures("fox:0", "Trump would unlock $3.5 billion from the military budget.")
    high = _with_figures("wapo:0", "It lets him use about $3.6 billion from construction projects.")
    agree = _with_figures("nyt:0", "The declaration lets him divert $3.6 billion to it.")
    copy = _with_figures("copy:0", low.text)  # a copy of the first report: its side, never a third
    other = _with_figures("ap:0", "The wall is to run along the border.")  # states no figure
    source_of = {"fox": "fox", "wapo": "wapo", "nyt": "nyt", "copy": "fox", "ap": "ap"}
    verdict = judge([low, high, agree, copy, other], {}, lambda a, b: 0.0, source_of, {})
    assert verdict.conflict is not None
    assert verdict.conflict.values == (
        ("$3.5 billion", ("fox:0", "copy:0")),
        ("about $3.6 billion", ("wapo:0", "nyt:0")),
    )


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Clyburn remained in the No. 3 position.", "Clyburn took the No. 2 position.", True),
        # The other report gives the first's figure too, counting another word: no conflict.
        (
            "Clyburn remained in the No. 3 position.",
            "Hoyer was re-elected as whip, the No. 2 position, and Clyburn in the No. 3 spot.",
            False,
        ),
    ],
)
def test_a_figure_stated_under_another_word_agrees(first: str, second: str, conflict: bool) -> None:
    from newsfuse.compare.conflicts import judge

    a, b = _with_figures("a:0", first), _with_figures("b:0", second)
    verdict = judge([a, b], {}, lambda x, y: 0.0, {"a": "a", "b": "b"}, {})
    assert (verdict.conflict is not None) is conflict
