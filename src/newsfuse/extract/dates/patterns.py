"""Regular expressions that find English time expressions (data, no logic)."""

from __future__ import annotations

import re

from newsfuse.extract.dates.words import (
    DECADE_WORDS,
    MONTH_NAME,
    NUMBER_WORDS,
    REF_WORDS,
    SET_WORDS,
)

#: Words before a date that make it vaguer but keep its value (``early 2024``).
DATE_PREFIX = re.compile(
    r"(?i:(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later)[\s-]+"
    r"|the\s+(?:beginning|end|middle|start|rest|remainder|turn)\s+of\s+"
    r"|(?:about|around|roughly|approximately)\s+)$"
)
#: TIMEX3 ``mod`` words before a duration (``more than four hours``). Prepositions ("over
#: the past two years") are TimeML signals and "only" a focus word: neither is included.
DURATION_PREFIX = re.compile(
    r"(?i:(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|"
    r"at\s+least|at\s+most|up\s+to)\s+)$"
)
#: An article before a duration or quarter used as a modifier belongs to the noun after
#: it ("the 14-day wait", "the two day rally", "the third-quarter loss").
ADJECTIVAL_ARTICLE = re.compile(
    r"(?i:(?:the|an?)\s+(?=[\w.,]+(?:-\w+)*-(?:day|week|month|quarter|year|hour|minute|long)$|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:day|week|month|year)$))"
)
#: What may stand between a clock time and its day: ``10 p.m. Wednesday``, ``noon on Friday``.
CLOCK_DAY_GAP = re.compile(r"(?:,|\s+on)?\s+")
#: Only abbreviations take a full stop: after "September" it ends the sentence.
_MONTH = rf"(?P<month>{MONTH_NAME})"
_WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_DAY = (
    r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)|(?P<dayword>(?:twenty[\s-]|thirty[\s-])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth)))"
)
_YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)(?![\d%])"
_NUMWORD = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_NUMBER = (
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|(?:a\s+)?couple\s+of|a\s+few|several|few|many|some|"
    rf"(?:an?\s+(?=hundred|thousand|dozen))?(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*|an?)"
)
_UNIT = (
    r"(?P<unit>second|minute|hour|day|weekend|week|month|quarter|year|decade|centur(?:y|ie)|"
    r"millenni(?:um|a))"
)
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_SPELLED_YEAR = (
    r"(?:nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?P<ones>one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand"
    r"(?:\s+and)?(?:\s+(?P<ones2>one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_POD = r"(?P<pod>morning|afternoon|evening|night)"
_REL = (
    r"(?P<rel>this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+coming|"
    r"the\s+current|the\s+same|last|next|this|past|coming)"
)
_CLOCK = (
    r"(?:(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\b\.?)"
    r"(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC))?|(?P<clockword>noon|midnight|midday)"
    # Wire copy's 24-hour times: "at 1430 GMT".
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s+(?:GMT|UTC))"
)

#: The grammar: (rule name, pattern). Overlaps are settled longest-first, then by this order.
RULES: list[tuple[str, str]] = [
    (
        "date_mdy",
        rf"(?:(?P<weekof>(?i:the\s+week\s+of)\s+)|(?:(?i:{_REL})\s+)?{_WEEKDAY},?\s+)?"
        rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
    ),
    (
        "date_dmy",
        rf"(?:(?:(?i:{_REL})\s+)?{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?P<of>of\s+)?{_MONTH}"
        rf"(?:,?\s+{_YEAR})?",
    ),
    # The second day of "April 24 and 25"; its month is read off the words before it.
    ("day_pair", r"(?<=\s)(?P<day>[0-3]?\d)(?!\d|\s*(?:%|percent))"),
    ("date_iso", r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
    ("date_slash", r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)"),
    # "October 1998", and "October this year", "June of last year", "January nineteen
    # ninety-seven" (a transcript's spelled year, as the season rule reads it): one expression.
    (
        "month_year",
        rf"{_MONTH},?\s+(?:of\s+)?(?:{_YEAR}|(?P<yrel>(?i:this|last|next))\s+year(?!'s)|"
        rf"(?i:{_SPELLED_YEAR}))",
    ),
    ("month", rf"(?:(?i:{_REL})\s+)?{_MONTH}"),
    (
        "quarter",
        r"(?i:(?:the\s+|(?P<qyrel>this|last|next)\s+year's\s+|(?P<ypos>\d{4})'s\s+)?"
        r"(?:(?P<yr>\d{4})\s+)?(?:(?P<qrel>latest|current|previous|year-earlier|year-ago|"
        r"comparable\s+year-ago|fiscal|calendar|same)\s+)?(?P<ord>first|second|third|fourth|"
        r"1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<yof>\d{4}))?)",
    ),
    (
        "half",
        r"(?i:(?:the\s+|(?P<ypos>\d{4})'s\s+|(?P<hrel>this|last|next)\s+year's\s+)?"
        r"(?P<ord>first|second|last)\s+half(?:\s+of\s+(?:(?P<yof>\d{4})|"
        r"the\s+(?:(?P<hdec>1[0-9]\d0|20\d0)|'(?P<hdec2>\d0))'?s|"
        r"(?P<yrel>the|this|last|next)\s+year))?)",
    ),
    (
        "ref_quarter",
        r"(?i:(?:the|that|this|last\s+year's)\s+(?P<qrel>latest\s+|current\s+|same\s+|"
        r"year-earlier\s+|year-ago\s+|comparable\s+year-ago\s+|comparable\s+|prior-year\s+|"
        r"corresponding\s+|fiscal\s+)*(?P<what>quarter|period)"
        # "the same period last year", "the quarter a year ago": one period, a year back.
        r"(?:\s+(?:of\s+)?(?P<yback>last\s+year|a\s+year\s+(?:ago|earlier)))?"
        r"|year-earlier|year-ago"
        r"|the\s+(?P<qstep>prior|previous|preceding|next|following)\s+quarter"
        r"|the\s+(?P<pyear>(?:19|20)\d\d)\s+(?:quarter|period))",
    ),
    ("year", rf"(?i:(?:fiscal|calendar|the\s+year)\s+)?{_YEAR}(?!\s*(?:%|percent))"),
    (
        "decade",
        r"(?i:(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[0-9]\d0|20\d0)|"
        r"'(?P<dec2>\d0))'?s"
        # "the nineties": only after "the" ("in his sixties" is an age).
        rf"|the\s+(?:(?P<wmod>early|mid|late)[\s-]+)?(?P<decword>{'|'.join(DECADE_WORDS)})\b)",
    ),
    (
        "century",
        r"(?i:(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))"
        r"[\s-]+century)",
    ),
    ("spelled_year", rf"(?i:(?:the\s+year\s+)?{_SPELLED_YEAR})"),
    (
        "holiday",
        r"(?P<name>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|"
        r"New\s+Year's(?:\s+Day|\s+Eve)?|Election\s+Day|Easter(?:\s+Sunday)?|Good\s+Friday|"
        r"Independence\s+Day|Fourth\s+of\s+July|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|"
        r"Valentine's\s+Day|Halloween|Boxing\s+Day|Mother's\s+Day|Father's\s+Day|"
        r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents'?\s+Day|Columbus\s+Day|"
        r"Palm\s+Sunday|Ash\s+Wednesday|St\.\s+Patrick's\s+Day|Bastille\s+Day|"
        r"Armistice\s+Day|Remembrance\s+Day)(?:\s+(?P<hunit>week|weekend))?(?:,?\s+" + _YEAR + ")?",
    ),
    ("weekday", rf"(?:(?i:{_REL})\s+)?{_WEEKDAY}(?:\s+(?i:{_POD}))?"),
    (
        "day_word",
        r"(?i:(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"today|tonight|yesterday|tomorrow)(?:\s+" + _POD + r")?)",
    ),
    # "the day" of "later in the day", "early in the week": the one in view.
    (
        "in_the",
        r"(?=[Tt]he\s)"
        r"(?:(?<=\b[Ee]arly in )|(?<=\b[Ee]arlier in )|(?<=\b[Ll]ate in )|(?<=\b[Ll]ater in ))"
        r"(?i:the\s+(?P<iunit>day|week|month))",
    ),
    (
        "pod_rel",
        r"(?i:(?P<prel>this|last|that|the\s+(?:next|following|previous))\s+"
        + _POD
        + r"|overnight)",
    ),
    (
        "pod_bare",
        r"(?i:(?:the\s+|(?<=\bmid\s)|(?<=\bmid-)|(?<=\bearly\s)|(?<=\blate\s))"
        + _POD
        + r"(?!\s+of\b))",
    ),
    ("clock", rf"(?i:{_CLOCK})"),
    (
        "ago",
        rf"(?i:{_NUMBER}[\s-]+(?:more\s+)?{_UNIT}s?(?:\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|from\s+today|hence))",
    ),
    (
        "anaphora",
        r"(?i:(?P<arel>that|the\s+same|the\s+following|the\s+next|the\s+previous|"
        r"the\s+prior|the\s+preceding)\s+(?P<aunit>day|week|month|year)"
        # "the year before", "the day after": counted from the date in view; with an
        # object ("the day before the vote") they hang on an event and are left out.
        r"|the\s+(?P<bunit>day|week|month|year)\s+(?P<brel>before|after)(?=\s*(?:[.,;:)]|$)))",
    ),
    ("unit_rel", rf"(?i:{_REL}\s+(?:{_UNIT}|{_SEASON}))"),
    ("weekend", r"(?i:the\s+weekend)"),
    ("season", rf"(?i:{_SEASON})(?:\s+(?:of\s+)?(?:{_YEAR}|(?i:{_SPELLED_YEAR})))?"),
    (
        "the_year",
        r"(?i:the\s+(?P<yrel>(?:latest|current|full|fiscal|calendar|past|coming|previous)\s+)*"
        r"year(?!\s+(?:two|nineteen|\d)))",
    ),
    ("year_end", r"(?i:year[\s-]end|the\s+end\s+of\s+the\s+(?P<eunit>year|month|week))"),
    (
        "duration",
        rf"(?i:(?:the\s+)?(?:(?P<drel>past|last|next|first|coming|previous|final|"
        rf"following|latest|remaining|same|year-earlier|year-ago)\s+)?{_NUMBER}[\s-]+(?:more\s+|additional\s+|"
        # Days of a calendar of their own ("eight trading days", "five business days").
        rf"full\s+|straight\s+|consecutive\s+|trading\s+|business\s+|working\s+)?"
        rf"{_UNIT}s?(?:[\s-]+(?:long|old)\b)?)",
    ),
    # "weeklong", "a day-long meeting", "a weeks-long strike": a duration as an adjective.
    (
        "unit_long",
        r"(?i:(?P<unit>hour|day|week|month|year|decade|centur(?:y|ie))(?P<plural>s)?-?long)",
    ),
    # "a year and a half", "two and a half days", "1 1/2 years", "half an hour".
    (
        "fraction",
        rf"(?i:(?:(?P<whole>\d+|(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*)(?:\s+and\s+a\s+half|"
        rf"\s+1/2|-and-a-half)[\s-]+|half\s+an?\s+|(?P<one>an?|one)\s+(?=\w+\s+and\s+a\s+half))"
        rf"{_UNIT}s?(?P<tail>\s+and\s+a\s+half)?)",
    ),
    (
        "vague_duration",
        r"(?i:(?:(?:the\s+)?(?:past|last|next|coming|recent)\s+"
        r"(?:few\s+|several\s+)?|(?:several|a\s+few|many|recent|coming)\s+"
        r"|(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s))|the\s+(?=\w+\s+ahead\b))"
        + _UNIT
        + r"s(?:\s+ahead\b)?)",
    ),
    (
        "set",
        rf"(?i:(?P<adverb>{'|'.join(SET_WORDS)})|(?:every|each|per)\s+(?:other\s+)?"
        rf"(?:{_UNIT}|{_MONTH}|{_WEEKDAY}|{_SEASON})|(?:once|twice|(?:\w+\s+times))\s+(?:an?|per)\s+"
        r"(?P<unit2>day|week|month|year))",
    ),
    # "on Mondays", "Tuesday nights": a weekday in the plural is every such day, a SET.
    ("weekday_set", rf"{_WEEKDAY}(?:s|\s+(?i:{_POD})s)"),
    (
        "ref",
        r"(?i:" + "|".join(sorted(REF_WORDS, key=len, reverse=True)).replace(" ", r"\s+") + r")",
    ),
]

#: Words (lower case) at least one of which a text must contain for a rule to match: a
#: substring test is far cheaper than a regex scan, and most news texts name no quarter,
#: century, holiday or season. Rules not listed are always scanned.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
RULE_KEYS: dict[str, tuple[str, ...]] = {
    "date_mdy": _MONTH_KEYS, "date_dmy": _MONTH_KEYS, "month_year": _MONTH_KEYS,
    "month": _MONTH_KEYS, "date_iso": ("-",), "date_slash": ("/",), "quarter": ("quarter",),
    "half": ("half",), "fraction": ("half", "1/2"), "ref_quarter": ("quarter", "period", "year-"),
    "year": tuple("0123456789"), "decade": ("0s", "0's", "ties"), "century": ("century",),
    "spelled_year": ("nineteen", "thousand"),
    "holiday": (
        "thanksgiving", "christmas", "new year", "election", "easter", "good friday",
        "independence", "fourth of july", "labor", "memorial", "veterans", "valentine",
        "halloween", "boxing", "mother's", "father's", "king", "presidents", "columbus",
        "palm", "ash", "patrick", "bastille", "armistice", "remembrance",
    ),
    "weekday": ("day",),
    "weekday_set": (
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
        "day mornings", "day afternoons", "day evenings", "day nights",
    ),
    "in_the": ("early in the", "late in the", "earlier in the", "later in the"),
    "day_word": ("today", "tonight", "yesterday", "tomorrow"),
    "pod_rel": ("morning", "afternoon", "evening", "night"),
    "pod_bare": ("morning", "afternoon", "evening", "night"),
    "clock": (".m", "m.", "am", "pm", "noon", "midnight", "midday", "gmt", "utc"),
    "ago": ("ago", "earlier", "later", "from now", "from today", "hence"),
    "anaphora": ("day", "week", "month", "year"), "weekend": ("weekend",),
    "season": ("spring", "summer", "fall", "autumn", "winter"), "year_end": ("year", "end of the"),
    "the_year": ("year",), "unit_long": ("long",),
    "day_pair": (" and ", " or ", " to ", " through "),
}  # fmt: skip

#: Every rule compiled, anchored on word boundaries so no rule fires inside a word.
COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"(?<![\w$.,/])(?<!\d-)(?:{pattern})(?![\w/]|\.\d|-\w)"))
    for name, pattern in RULES
]
