"""Tests of the date stage: normalisation rules and the TempEval-3 quality floor."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from newsfuse.extract.dates.find import find_dates
from newsfuse.models import DateMention

FRIDAY = dt.date(2024, 12, 13)  # publication date of the sample reports (a Friday)
SHARED = Path(
    os.environ.get("NEWSFUSE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)

#: Measured value / relaxed / strict F1 on all 256 TBAQ documents (docs/bench/dates.md:
#: 0.8240 / 0.9457 / 0.8859), a little below. Raise them on purpose when the rules improve.
FLOORS = {"value_f1": 0.822, "relaxed_f1": 0.944, "strict_f1": 0.884}
#: Value F1 of each half (even 0.8272, odd 0.8207), a little below: a rule that helps one
#: half by hurting the other fails here even when the whole holds.
HALF_FLOORS = {"even": 0.825, "odd": 0.819}


def _only(text: str, surface: str, published: dt.date | None) -> DateMention:
    """The one mention whose surface is ``surface``."""
    found = [m for m in find_dates(text, published) if m.text == surface]
    assert len(found) == 1, f"{surface!r} not found once in {find_dates(text, published)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity"),
    [
        ("Blinken met al-Sudani in Baghdad on Friday.", "Friday", "2024-12-13", "day"),
        ("He visited Jordan on Thursday.", "Thursday", "2024-12-12", "day"),
        ("Rebels seized Damascus last Sunday.", "last Sunday", "2024-12-08", "day"),
        ("Assad was overthrown last weekend.", "last weekend", "2024-W49-WE", "weekend"),
        ("The talks resume next month.", "next month", "2025-01", "month"),
        ("Troops stay until September 2025.", "September 2025", "2025-09", "month"),
        ("Hamas attacked Israel on Oct. 7, 2023.", "Oct. 7, 2023", "2023-10-07", "day"),
        ("IS seized Mosul in 2014.", "2014", "2014", "year"),
        ("They will meet next Monday.", "next Monday", "2024-12-16", "day"),
        ("Officials spoke yesterday.", "yesterday", "2024-12-12", "day"),
        ("Officials speak today.", "today", "2024-12-13", "day"),
        ("Talks went on this week.", "this week", "2024-W50", "week"),
        ("Sales fell last year.", "last year", "2023", "year"),
        ("He arrived three days ago.", "three days ago", "2024-12-10", "day"),
        ("She left earlier this month.", "earlier this month", "2024-12", "month"),
        ("They met Tuesday morning.", "Tuesday morning", "2024-12-10TMO", "part_of_day"),
        ("The photo was taken September 23, 2024.", "September 23, 2024", "2024-09-23", "day"),
        ("The ministers will meet on Tuesday.", "Tuesday", "2024-12-17", "day"),
        ("The ministers met on Tuesday.", "Tuesday", "2024-12-10", "day"),
        ("Profit rose in the third quarter.", "the third quarter", "2024-Q3", "quarter"),
        ("The talks lasted three days.", "three days", "P3D", "duration"),
        ("Prices are rising now.", "now", "PRESENT_REF", "vague"),
        ("The report is published weekly.", "weekly", "P1W", "set"),
        ("The plant was built in the 1990s.", "the 1990s", "199", "decade"),
        ("He spoke at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2024-12-11T22:00", "time"),
        ("Thanksgiving was quiet.", "Thanksgiving", "2024-11-28", "day"),
    ],
)
def test_resolves_against_publication_date(
    text: str, surface: str, value: str, granularity: str
) -> None:
    mention = _only(text, surface, FRIDAY)
    assert (mention.value, mention.granularity) == (value, granularity)
    assert mention.status in ("exact", "approximate")
    assert text[mention.start : mention.end] == surface


#: TimeML / TIMEX3 conventions, each seen in the TimeBank / AQUAINT gold annotation.
@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity"),
    [
        # A part of a named day keeps its TIMEX3 code; "night" is TNI.
        ("Shots were fired Friday night.", "Friday night", "2024-12-13TNI", "part_of_day"),
        # A bare part of day belongs to the day in view, else to the publication day.
        (
            "Shares fell on Thursday. Buyers returned in the afternoon.",
            "the afternoon", "2024-12-12TAF", "part_of_day",
        ),
        ("By mid afternoon, the shelling had stopped.", "mid afternoon", "2024-12-13TAF",
         "part_of_day"),
        # Days of the month written out, as in speech transcripts.
        ("The plant opened on July fourth.", "July fourth", "2024-07-04", "day"),
        ("It ended on the twenty-first of June.", "the twenty-first of June", "2024-06-21",
         "day"),
        # Each day of "April 24 and 25" is its own expression, in the same month and year.
        ("The summit is set for April 24 and 25.", "25", "2025-04-25", "day"),
        ("The summit is set for April 24 and 25.", "April 24", "2025-04-24", "day"),
        # Seasons with a spelled-out year.
        (
            "It began in the winter of nineteen ninety-four.",
            "winter of nineteen ninety-four", "1994-WI", "season",
        ),
        # A month with a spelled-out year, as a season has; a spelled year alone stays a year.
        ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven",
         "1997-01", "month"),
        ("It happened in nineteen ninety-seven.", "nineteen ninety-seven", "1997", "year"),
        # "the 2023 period" in a report is the reporting quarter, in the year named.
        (
            "Profit rose in the third quarter. In the 2023 period it fell.",
            "the 2023 period", "2023-Q3", "quarter",
        ),
        # Of quarters named equally often, the report is about the latest one.
        (
            "Profit rose 20% in the third quarter. After a flat second quarter, sales rose "
            "from a year ago.",
            "a year ago", "2023-Q3", "quarter",
        ),
        ("Net for the year-earlier nine months fell.", "the year-earlier nine months", "P9M",
         "duration"),
        ("Funds may sell in the weeks ahead.", "the weeks ahead", "PXW", "duration"),
        # Irregular past verbs are past-tense cues ("took"), though "hopes" looks ahead.
        ("He took office Tuesday and hopes to stay.", "Tuesday", "2024-12-10", "day"),
        # A full stop after a month name ends the sentence; after "Sept." it is the name's.
        ("The deal closed in January.", "January", "2024-01", "month"),
        ("The deal closed Sept. 30.", "Sept. 30", "2024-09-30", "day"),
    ],
)  # fmt: skip
def test_timeml_conventions(text: str, surface: str, value: str, granularity: str) -> None:
    mention = _only(text, surface, FRIDAY)
    assert (mention.value, mention.granularity) == (value, granularity)


#: TIMEX3 extents: what the guidelines put inside a time expression and what they leave out.
@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity"),
    [
        # A preposition in front is a TimeML signal, not part of the expression.
        ("Sales rose over the past 12 months.", "the past 12 months", "P12M", "duration"),
        ("Prices fell over three years.", "three years", "P3Y", "duration"),
        # "only" is a focus word; "more than", "nearly", "about" are TIMEX3 mod words.
        ("He was jailed for only six months.", "six months", "P6M", "duration"),
        ("It lasted more than three years.", "more than three years", "P3Y", "duration"),
        ("He stayed nearly five months.", "nearly five months", "P5M", "duration"),
        # Before "now" or "the future", "about" is a preposition.
        ("He was worried about the future.", "the future", "FUTURE_REF", "vague"),
        # A duration or quarter used as a modifier leaves the article to its noun.
        ("The eight-year war ended.", "eight-year", "P8Y", "duration"),
        ("The two day rally ended.", "two day", "P2D", "duration"),
        ("The third-quarter loss widened.", "third-quarter", "2024-Q3", "quarter"),
        # ... but a duration that is the noun keeps its determiner and relative word.
        ("Net rose in the first nine months.", "the first nine months", "P9M", "duration"),
        ("Profit rose in the third quarter.", "the third quarter", "2024-Q3", "quarter"),
        ("Net fell from the year-earlier period.", "the year-earlier period", "2023-Q3",
         "quarter"),
        # Modifiers of a date are part of it; the possessive "'s" is not.
        ("Output fell in early 2024.", "early 2024", "2024", "year"),
        ("It was built in the mid-1980s.", "the mid-1980s", "198", "decade"),
        ("The plan ends at the end of the year.", "the end of the year", "2024", "year"),
        ("Results for fiscal 1990 were good.", "fiscal 1990", "1990", "year"),
        ("Shares rose in this year's rally.", "this year", "2024", "year"),
        ("Monday's meeting was short.", "Monday", "2024-12-09", "day"),
        # Frequencies with "a" / "each" are SETs; "the previous day" with no date in view
        # counts from the publication date.
        ("He visits twice a year.", "twice a year", "P1Y", "set"),
        ("He visits each month.", "each month", "P1M", "set"),
        ("He had arrived the previous day.", "the previous day", "2024-12-12", "day"),
    ],
)  # fmt: skip
def test_timex3_extents(text: str, surface: str, value: str, granularity: str) -> None:
    mention = _only(text, surface, FRIDAY)
    assert (mention.value, mention.granularity) == (value, granularity)
    assert text[mention.start : mention.end] == surface


#: TIMEX3 normalisation: the reference time, the granularity of the unit named, tense cues.
@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity"),
    [
        # "set" points ahead only before "to" / "for"; "is to" + verb is a plan.
        ("The index is near a record set on June 6.", "June 6", "2024-06-06", "day"),
        ("Talks are set to resume Monday.", "Monday", "2024-12-16", "day"),
        ("Trading is to resume Tuesday.", "Tuesday", "2024-12-17", "day"),
        # "p.m. EST" before a day ends no sentence, so "until" still reads as a deadline.
        ("The deadline runs until 9 a.m. EST Tuesday.", "9 a.m. EST Tuesday",
         "2024-12-17T09:00", "time"),
        # A clock time is on the day its sentence names, else on the publication day.
        ("The blast came on Tuesday at 3 a.m.", "3 a.m.", "2024-12-10T03:00", "time"),
        ("They met on Tuesday. The vote is at 9 a.m.", "9 a.m.", "2024-12-13T09:00", "time"),
        # The value has the unit's granularity: a year after a day is a year.
        ("He left on Jan. 5, 2020. The following year he returned.", "The following year",
         "2021", "year"),
        ("Sales rose 5% from the previous year.", "the previous year", "2023", "year"),
        ("Sales rose 5% from the year before.", "the year before", "2023", "year"),
        ("She arrived on Tuesday and left the next morning.", "the next morning",
         "2024-12-11TMO", "part_of_day"),
        # Reporting periods: one quarter from the quarter in view; the quarter a date ends.
        ("Net rose in the third quarter from the previous quarter.", "the previous quarter",
         "2024-Q2", "quarter"),
        ("Net rose in the quarter ended June 30.", "the quarter", "2024-Q2", "quarter"),
        ("Sales rose in 2023's first half.", "2023's first half", "2023-H1", "half"),
        ("Sales fell in the second half of last year.", "the second half of last year",
         "2023-H2", "half"),
        ("The plant will close at the end of the month.", "the end of the month", "2024-12",
         "month"),
        # Whole units stay and the half counts in the next smaller unit, as TimeML writes it.
        ("The war lasted a year and a half.", "a year and a half", "P1Y6M", "duration"),
        ("It took half an hour.", "half an hour", "PT30M", "duration"),
        ("It lasted 2 1/2 days.", "2 1/2 days", "P2DT12H", "duration"),
        ("He spent 5 1/2 hours there.", "5 1/2 hours", "PT5H30M", "duration"),
        ("It went on for a decade and a half.", "a decade and a half", "P15Y", "duration"),
        ("It took two and a half weeks.", "two and a half weeks", "P2.5W", "duration"),
        ("He meets them twice per week.", "twice per week", "P1W", "set"),
        # Holidays on the n-th weekday of a month.
        ("The march was held on Martin Luther King Day.", "Martin Luther King Day",
         "2024-01-15", "day"),
        ("She called on Mother's Day.", "Mother's Day", "2024-05-12", "day"),
    ],
)  # fmt: skip
def test_timex3_normalisation(text: str, surface: str, value: str, granularity: str) -> None:
    mention = _only(text, surface, FRIDAY)
    assert (mention.value, mention.granularity) == (value, granularity)
    assert text[mention.start : mention.end] == surface


def test_holiday_just_ahead_keeps_its_year() -> None:
    # Written on Monday 14 April 2025: Easter is six days ahead even in a past-tense sentence.
    mention = _only("Crowds gathered as Easter began.", "Easter", dt.date(2025, 4, 14))
    assert mention.value == "2025-04-20"
    mention = _only("Crowds gathered as Easter week began.", "Easter week", dt.date(2025, 4, 14))
    assert mention.value == "2025-W16"


#: Names, titles, idioms and generic uses (TIMEX3 guidelines), and smaller gaps in coverage.
@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity"),
    [
        # "the day" of "later in the day" is the day in view, else the publication day.
        ("He flew to Paris later in the day.", "the day", "2024-12-13", "day"),
        ("They met on Tuesday. Late in the day, talks broke down.", "the day", "2024-12-10",
         "day"),
        ("Later in the week, prices fell.", "the week", "2024-W50", "week"),
        # A holiday's week is the ISO week it falls in; its weekend the one nearest it.
        ("Shops were busy in Christmas week.", "Christmas week", "2024-W52", "week"),
        ("Traffic was heavy on Labor Day weekend.", "Labor Day weekend", "2024-W35-WE",
         "weekend"),
        ("Stores opened on Thanksgiving weekend.", "Thanksgiving weekend", "2024-W48-WE",
         "weekend"),
        # A duration used as an adjective, without a number.
        ("They held a weeklong strike.", "weeklong", "P1W", "duration"),
        ("It was their third day-long meeting.", "day-long", "P1D", "duration"),
        ("They held a day-long meeting.", "day-long", "P1D", "duration"),
        ("It ended a years-long feud.", "years-long", "PXY", "duration"),
        # Generic "today" / "tomorrow" are the present / the future (PRESENT_REF, FUTURE_REF).
        ("Today's youth read less.", "Today", "PRESENT_REF", "vague"),
        ("It is cheap by today's standards.", "today", "PRESENT_REF", "vague"),
        ("He spoke of the leaders of tomorrow.", "tomorrow", "FUTURE_REF", "vague"),
        ("Today's meeting was canceled.", "Today", "2024-12-13", "day"),
        ("We vote by the end of today.", "the end of today", "2024-12-13", "day"),
        # Wire copy's 24-hour clock times.
        ("The blast came at 1430 GMT.", "1430 GMT", "2024-12-13T14:30", "time"),
        # "a week from today" is one date.
        ("A week from today, they vote.", "A week from today", "2024-12-20", "day"),
        # A two-digit decade is the latest one that has begun, and a bare "July" a month.
        ("It happened in the late '80s.", "the late '80s", "198", "decade"),
        ("Prices rose in July.", "July", "2024-07", "month"),
        # A spelled decade after "the" is the latest such decade that has begun.
        ("Crime fell through the nineties.", "the nineties", "199", "decade"),
        ("Jazz boomed in the twenties.", "the twenties", "202", "decade"),
        # After a preposition a month stays a month, whatever word follows it.
        ("In March Congress passed the bill.", "March", "2024-03", "month"),
    ],
)  # fmt: skip
def test_names_idioms_and_gaps(text: str, surface: str, value: str, granularity: str) -> None:
    mention = _only(text, surface, FRIDAY)
    assert (mention.value, mention.granularity) == (value, granularity)
    assert text[mention.start : mention.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity"),
    [
        # A month with a relative year is one expression ("October this year").
        ("It was approved in early October this year.", "early October this year", "2024-10",
         "month"),
        ("Pol Pot was arrested in July last year.", "July last year", "2023-07", "month"),
        ("They join in April next year.", "April next year", "2025-04", "month"),
        # "current" before a noun is the present (PRESENT_REF); the noun is no time.
        ("It travels with its current owner.", "current", "PRESENT_REF", "vague"),
        # "the latest period" of a report is its quarter; "the full year" the year.
        ("Sales rose 5% in the third quarter. The latest period had gains.",
         "The latest period", "2024-Q3", "quarter"),
        ("It forecast higher earnings for the full year.", "the full year", "2024", "year"),
        # A reporting period with its relative year is one expression, as a month is.
        ("It opens in next year's first quarter.", "next year's first quarter", "2025-Q1",
         "quarter"),
        ("Net rose in the third quarter. A year earlier, in last year's quarter, it fell.",
         "last year's quarter", "2023-Q3", "quarter"),
        ("Net rose in the third quarter from the corresponding period last year.",
         "the corresponding period last year", "2023-Q3", "quarter"),
        ("Net rose in the third quarter. For the quarter a year ago, it fell.",
         "the quarter a year ago", "2023-Q3", "quarter"),
        ("Sales rose from last year's $2.3 billion.", "last year", "2023", "year"),
        # An amount before "annually" makes it a rate; a frequency keeps it a SET.
        ("The board meets twice annually.", "annually", "P1Y", "set"),
        # "the current quarter" holds the publication date, whatever quarter is reported.
        ("Net rose in the third quarter, and the current quarter began well.",
         "the current quarter", "2024-Q4", "quarter"),
        # "a year earlier" compares with the nearest period named: after "the first nine
        # months" it is that span a year back, which TimeML gives as the year.
        ("Net rose in the third quarter. In the first nine months, net rose from a year "
         "earlier.", "a year earlier", "2023", "year"),
        ("Net rose in the third quarter. In the first nine months, net was $3 million, "
         "against a loss in the 2023 period.", "the 2023 period", "2023", "year"),
        ("In the first nine months, net rose. In the third quarter, net rose from a year "
         "earlier.", "a year earlier", "2023-Q3", "quarter"),
        ("A hearing is set for the week of March 6.", "the week of March 6", "2025-W10", "week"),
        # "three days later" is the duration between two events; a year earlier is a date,
        # and "ago" counts from the publication date.
        ("Three days later, the index rose.", "Three days later", "P3D", "duration"),
        ("A few days later, it fell.", "A few days later", "PXD", "duration"),
        ("Net fell from a year earlier.", "a year earlier", "2023", "year"),
        ("He left three days ago.", "three days ago", "2024-12-10", "day"),
        # A possessive weekday names an event already reported, whatever the tense around.
        ("They will appeal Wednesday's ruling.", "Wednesday", "2024-12-11", "day"),
        ("They will appeal the ruling on Wednesday.", "Wednesday", "2024-12-18",
         "day"),
        # A deadline seen from a past perfect has passed; without one it lies ahead.
        ("Two states had filed reports by Wednesday.", "Wednesday", "2024-12-11", "day"),
        ("Until Thursday, they had not called him a suspect.", "Thursday", "2024-12-12",
         "day"),
        ("States must file reports by Wednesday.", "Wednesday", "2024-12-18", "day"),
        # A weekday in the plural is every such day, a SET, as "every Monday" is.
        ("Flights leave Bombay on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", "set"),
        ("The market is closed on Sundays.", "Sundays", "XXXX-WXX-7", "set"),
        # Days counted on a calendar of their own are a duration like any other.
        ("Eight trading days after the crash, it fell.", "Eight trading days", "P8D",
         "duration"),
        ("Pay arrives within five business days.", "five business days", "P5D", "duration"),
        # A part of a day followed by its day is one expression, as "10 p.m. Wednesday" is.
        ("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday",
         "2024-12-12TAF", "part_of_day"),
        ("Talks ran into the night. Friday they resumed.", "Friday", "2024-12-13", "day"),
        # A capitalised "-ed" word is a name, not a past form ("the United States").
        ("He would be traveling to the United States Thursday.", "Thursday", "2024-12-19",
         "day"),
        ("He returned to the United States Thursday.", "Thursday", "2024-12-12", "day"),
        # "by" is a deadline just before the mention; further off it is the agent's.
        ("He was cited by the police in March for speeding.", "March", "2024-03", "month"),
        ("The plant should reopen by March.", "March", "2025-03", "month"),
        # A month before "of the" and a lower-case word is the month, not a name.
        ("It closed in March of the same year.", "March", "2024-03", "month"),
    ],
)  # fmt: skip
def test_general_rules(text: str, surface: str, value: str, granularity: str) -> None:
    mention = _only(text, surface, FRIDAY)
    assert (mention.value, mention.granularity) == (value, granularity)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # The fourth quarter has not closed: it is a forecast, not the quarter reported.
        ("It expects a fourth-quarter charge. Net fell in the latest quarter.", FRIDAY,
         "2024-Q3"),
        # A closed quarter named in the report is the one in view.
        ("Net rose in the third quarter. Net fell in the latest quarter.", dt.date(2025, 1, 20),
         "2024-Q3"),
    ],
)  # fmt: skip
def test_report_quarter_is_a_closed_one(text: str, published: dt.date, value: str) -> None:
    assert _only(text, "the latest quarter", published).value == value


@pytest.mark.parametrize(
    ("published", "value"),
    [
        (dt.date(2024, 12, 15), "2024-W49"),
        (FRIDAY, "2024-W49"),
        (dt.date(2024, 12, 16), "2024-W50"),
    ],
)
def test_last_week_is_the_iso_week_before(published: dt.date, value: str) -> None:
    # Written on a Sunday too: the week before the one holding the publication day.
    assert _only("Talks stalled last week.", "last week", published).value == value


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Blinken met al-Sudani on Friday.", "Friday"),
        ("Rebels seized Damascus last Sunday.", "last Sunday"),
        ("The talks resume next month.", "next month"),
        ("Officials spoke yesterday.", "yesterday"),
        ("He arrived three days ago.", "three days ago"),
        ("They met Tuesday morning.", "Tuesday morning"),
    ],
)
def test_relative_expressions_stay_unresolved_without_publication_date(
    text: str, surface: str
) -> None:
    mention = _only(text, surface, None)
    assert mention.value is None
    assert mention.status == "unresolved"
    assert "no publication date" in mention.reason


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Hamas attacked Israel on Oct. 7, 2023.", "Oct. 7, 2023", "2023-10-07"),
        ("Troops stay until September 2025.", "September 2025", "2025-09"),
        ("IS seized Mosul in 2014.", "2014", "2014"),
    ],
)
def test_absolute_dates_resolve_without_publication_date(
    text: str, surface: str, value: str
) -> None:
    mention = _only(text, surface, None)
    assert (mention.value, mention.status) == (value, "exact")


@pytest.mark.parametrize(
    "published", [FRIDAY, dt.datetime(2024, 12, 13, 9, 30)], ids=["date", "datetime"]
)
def test_accepts_date_or_datetime(published: dt.date) -> None:
    assert _only("He left on Thursday.", "Thursday", published).value == "2024-12-12"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Prices may rise.", "May"),
        ("Stocks fall as a coiled spring snaps.", "fall"),
        ("A coiled spring snaps.", "spring"),
        ("Iraq after the fall of Saddam Hussein.", "fall"),
        ("A 44-year-old man was arrested.", "44-year-old"),
        ("It costs $5 a day.", "a day"),
        ("He said so on CBS's 60 Minutes.", "60 Minutes"),
        ("He spoke on This Week With David Brinkley.", "This Week"),
        ("Now, he says, it looks bad.", "Now"),
        ("For now, the plan stands.", "now"),
        ("He arrived on the night of Friday, Dec. 13.", "the night"),
        ("It saves $500 million a year.", "a year"),
        ("The party daily Granma said so.", "daily"),
        ("The chip runs 15 million instructions per second.", "per second"),
        ("He left the day before the vote.", "the day before"),
        # Names and titles with a date word in them.
        ("He wrote for the Sunday Times.", "Sunday"),
        ("She watched Monday Night Football.", "Monday Night"),
        ("Ambassador April Glaspie met him.", "April"),
        ("Crowds joined the annual March for Life.", "March"),
        ("They led the March on Washington.", "March"),
        ("She led the March of the Combatant Mothers.", "March"),
        ("He was named Man of the Year.", "the Year"),
        ("The Evening Standard said so.", "The Evening"),
        ("She told NBC's Today show she left.", "Today"),
        # Idioms and counts.
        ("We meet every now and then.", "now"),
        ("Riots broke out in the past three summers.", "the past"),
        ("Rates rose a quarter point.", "a quarter"),
        ("The strike lasted the last week of June.", "last week"),
        ("A strong current swept him away.", "current"),
        ("The current account deficit widened.", "current"),
        ("Sales should rise 8.5% annually.", "annually"),
        ("He is in his sixties.", "sixties"),
        ("It pays C$17.9 million annually.", "annually"),
    ],
)
def test_ignores_lookalikes(text: str, absent: str) -> None:
    assert absent not in [m.text for m in find_dates(text, FRIDAY)]


def test_mentions_are_ordered_and_disjoint() -> None:
    text = "On Friday, Dec. 13, 2024, he said talks held last week would resume next month."
    mentions = find_dates(text, FRIDAY)
    assert [m.text for m in mentions] == ["Friday, Dec. 13, 2024", "last week", "next month"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_quality_floor_on_tempeval3() -> None:
    data = SHARED / "dates"
    if not (data / "docs.jsonl").exists():
        pytest.skip(f"TempEval-3 data not found at {data}; set NEWSFUSE_SHARED_DATA")
    from newsfuse.evaluate.dates import evaluate_dates

    scores = evaluate_dates(data)
    assert scores["documents"] == 256
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, f"{name} {scores[name]:.3f} fell below {floor}"


@pytest.mark.parametrize("half", sorted(HALF_FLOORS))
def test_quality_floor_on_each_half(half: str) -> None:
    data = SHARED / "dates"
    if not (data / "docs.jsonl").exists():
        pytest.skip(f"TempEval-3 data not found at {data}; set NEWSFUSE_SHARED_DATA")
    from newsfuse.evaluate.dates import evaluate_dates

    scores = evaluate_dates(data, half)  # type: ignore[arg-type]
    assert scores["documents"] == 128
    assert scores["value_f1"] >= HALF_FLOORS[half], f"{half} value F1 {scores['value_f1']:.4f}"


_RELATIVE = (
    "Yesterday the council met, and on Monday it voted. Next year the bridge opens, two weeks "
    "from now the road closes, and the work began three days ago, on Dec. 30, last week."
)


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max, dt.date(1, 1, 2)])
def test_relative_dates_at_the_ends_of_the_calendar_never_overflow(published: dt.date) -> None:
    found = find_dates(_RELATIVE, published)
    assert len(found) >= 5
    for m in found:
        assert m.value is not None or m.status == "unresolved"
        assert m.value is None or not re.match(r"\d{5}|0000", m.value), m
