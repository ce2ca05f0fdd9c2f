"""Lookalikes: rule matches that are a name, a title, an age, a rate or an idiom.

The TIMEX3 guidelines leave out time words inside proper names ("the Sunday Times", "the
March for Life", "Man of the Year"), ages and rates ("a 44-year-old", "$5 a day") and
idioms that say nothing about when ("for now", "every now and then"). Every rule match is
tested here before it is resolved; the patterns are data, :func:`is_lookalike` the logic.
"""

from __future__ import annotations

import re

from newsfuse.extract.dates.words import MONTH_CUE_WORDS, NUMBER_WORDS

#: A unit or part of day written with a capital after the first word of a match: a title
#: ("60 Minutes", "This Week", "Man of the Year", "the Evening Standard"). Holidays are
#: names that do denote a day ("Election Day") and are not tested.
_TITLE_UNIT = re.compile(
    r"[\s-](?:Seconds?|Minutes?|Hours?|Days?|Weeks?|Weekends?|Months?|Years?|Quarters?|"
    r"Decades?|Centur(?:y|ies)|Morning|Afternoon|Evening|Night)\b"
)
#: Newspaper titles that begin with a weekday ("the Sunday Times", "the Sunday Telegraph").
_PAPER_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Tribune|Observer|Independent|Mail|"
    r"Star|Sport|Standard|Journal|Magazine|Review)\b"
)
#: A capitalised word after a weekday with a capitalised part of day: a programme
#: ("Monday Night Football", "Saturday Night Live").
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")
#: After a bare month name, what makes it a first name or an event ("April Glaspie said",
#: "the March for Life", "the March on Washington", "the March of the Living"): a capitalised
#: word that is no date word, right after it or after "for", "on", "of" or "against" (and
#: "the").
_NAME_AFTER_MONTH = re.compile(
    r"\s+(?:(?:for|on|of|against)\s+(?:the\s+)?)?"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)[A-Z][a-z]"
)
#: Words before a month that make it the month in spite of a capitalised word after it
#: ("in March Congress passed", "until May Parliament sits").
_MONTH_CUE_BEFORE = re.compile(rf"(?i:\b(?:{MONTH_CUE_WORDS}|each|every)[\s-]*)$")
#: A broadcast named after a day word: "NBC's Today show", "the Tonight Show".
_PROGRAMME_AFTER = re.compile(r"\s+(?:[Ss]how|[Pp]rogram(?:me)?)\b")
#: "current" is the adjective of the present (``PRESENT_REF``: "its current owner", "under
#: current rules") after a determiner, a possessive or a preposition, and before a word it
#: qualifies; "a strong current" is the noun, "the current account" the economists' term.
_CURRENT_BEFORE = re.compile(
    r"(?i:(?:^|[.;:]\s*|\b(?:the|its|his|her|their|our|my|your|of|in|at|under|from|with|to|"
    r"on|for|by|and)\s+|'s\s+))$"
)
_CURRENT_AFTER = re.compile(r"\s+(?!accounts?\b|and\b|of\b|in\b)[a-z]")
#: "(every) now and then": an idiom for "from time to time".
_NOW_AND_THEN = re.compile(r"\s+and\s+then\b", re.IGNORECASE)
#: A count after "the past" makes "past" an adjective: "the past three summers", "the past
#: two elections" are periods of their own, not the past at large. ("one" is left out: "in
#: the past one could ..." is the pronoun.)
_COUNTS = "|".join(w for w in NUMBER_WORDS if len(w) > 2 and w != "one")
_COUNT_AFTER = re.compile(rf"\s+(?:\d|(?:few|several|{_COUNTS})\b)", re.IGNORECASE)
#: The end of an amount: a figure, a percent sign, a currency or scale word.
_AMOUNT = r"\d|%|\bdollars?|\bcents?|\bpercent|\b(?:m|b|tr)illion"
#: Amounts in front of "a day" / "a year" that make it a rate: "$5 a day", "3% a year".
_RATE_CUE = re.compile(rf"(?i:(?:{_AMOUNT}|\btimes|\bonce|\btwice)\s*)$")
#: An amount right before "annually", "daily": "8.5% annually", "$17.9 million annually"
#: are rates as "$5 a day" is; "twice annually" stays a SET.
_AMOUNT_CUE = re.compile(rf"(?i:(?:{_AMOUNT})\s*)$")
#: How often, before "per week": "twice per week" is a SET, "$50 per day" a rate.
_FREQUENCY = re.compile(r"(?i:\b(?:once|twice|times)\s*)$")


def is_lookalike(rule: str, m: re.Match[str], before: str) -> bool:
    """True when a rule match is a name, a title, an age, a rate or an idiom.

    Args:
        rule: The grammar rule that matched (``extract.dates.patterns.RULES``).
        m: The match, on the whole text.
        before: The text just before the match (a few dozen characters).

    Returns:
        Whether to drop the match.
    """
    names = m.groupdict()
    # Lower-case "march", "may", "sunday" are verbs or typos far more often than dates.
    if any(names.get(g) and not names[g][0].isupper() for g in ("month", "weekday")):
        return True
    if names.get("unit") and names["unit"][0].isupper() and m.start("unit") > m.start():
        return True  # a capitalised unit inside the match is a title ("60 Minutes")
    if rule not in ("holiday", "weekday") and _TITLE_UNIT.search(m[0]):
        return True
    if rule == "weekday":
        return _is_weekday_name(m)
    if rule == "month" and not m["rel"] and not _MONTH_CUE_BEFORE.search(before):
        return _NAME_AFTER_MONTH.match(m.string, m.end()) is not None
    if rule == "day_word":
        return m[0][0].isupper() and _PROGRAMME_AFTER.match(m.string, m.end()) is not None
    if rule == "ref":
        return _is_idiom(m, before)
    if rule == "duration":
        return _is_age_or_rate(m, before)
    if rule == "set" and m["adverb"]:
        # A newspaper ("the party daily Granma") or a rate ("8.5% annually"), no frequency.
        paper = m.string[m.end() : m.end() + 2].strip()[:1].isupper()
        return paper or _AMOUNT_CUE.search(before) is not None
    if rule == "set" and m[0].lower().startswith("per"):
        # A rate ("instructions per second", "$50 per day"), as "$5 a day" is.
        return not _FREQUENCY.search(before)
    return False


def _is_weekday_name(m: re.Match[str]) -> bool:
    """``the Sunday Times``, ``Monday Night Football``."""
    if m["rel"]:
        return False
    if _PAPER_AFTER_WEEKDAY.match(m.string, m.end()):
        return True
    pod = m["pod"]
    return bool(pod and pod[0].isupper() and _CAPITALISED_NEXT.match(m.string, m.end()))


def _is_idiom(m: re.Match[str], before: str) -> bool:
    """``Now, he says``, ``for now``, ``now and then``, ``the past two``, ``a current``."""
    words = " ".join(m[0].lower().split())
    if words == "now":
        return (
            (m[0] == "Now" and m.string.startswith(",", m.end()))  # a discourse marker
            or before.lower().endswith("for ")  # "for the time being"
            or _NOW_AND_THEN.match(m.string, m.end()) is not None
        )
    if words == "current":
        return not (_CURRENT_BEFORE.search(before) and _CURRENT_AFTER.match(m.string, m.end()))
    return words == "the past" and _COUNT_AFTER.match(m.string, m.end()) is not None


def _is_age_or_rate(m: re.Match[str], before: str) -> bool:
    """``a 44-year-old``, ``$5 a day``, ``a second`` (another), ``a quarter point``."""
    num, unit = " ".join(m["num"].lower().split()), m["unit"].lower()
    after = m.string[m.end() : m.end() + 6].lower()
    if m[0].lower().endswith("old") or after.startswith((" old", "-old")):
        return True  # an age, not a stretch of time
    if unit == "quarter" and after.startswith((" of", " point", " perce")):
        return True  # a fraction ("three-quarters of its food", "a quarter point")
    if num not in ("a", "an"):
        return False
    # "a second" is mostly "another"; "a weeks-long strike": the article goes with the noun.
    plural = m.string[m.end("unit") : m.end("unit") + 1].lower() == "s"
    return unit == "second" or plural or _RATE_CUE.search(before) is not None
