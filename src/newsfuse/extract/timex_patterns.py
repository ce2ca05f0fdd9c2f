"""Word lists and regular expressions that find English time expressions (data, no logic)."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
#: TimeML codes of seasons and parts of the day.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
    "tonight": "TNI", "midday": "TMO",
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "couple": 2, "dozen": 12,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1,
    "final": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
#: Days of the month written out, as speech transcripts do ("March eighth").
_DAY_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
DAY_ORDINALS = {word: i + 1 for i, word in enumerate(_DAY_WORDS)}
DAY_ORDINALS |= {f"twenty-{w}": 20 + DAY_ORDINALS[w] for w in list(DAY_ORDINALS)[:9]}
DAY_ORDINALS |= {"thirtieth": 30, "thirty-first": 31}
#: Quantities too vague for a number; durations with them get an ``X`` (``PXY``).
VAGUE_QUANTITIES = {"several", "few", "a few", "many", "some", "numerous", "recent", "coming"}
#: Duration unit -> (ISO 8601 letter, multiplier, needs the ``T`` time designator).
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "weekend": ("D", 2, False),
    "month": ("M", 1, False), "quarter": ("Q", 1, False), "year": ("Y", 1, False),
    "decade": ("Y", 10, False), "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}  # fmt: skip
#: Frequency adverbs -> TimeML SET value.
SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
}  # fmt: skip
#: Fixed-date holidays (month, day); movable ones are computed in ``timex_calendar``.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "independence day": (7, 4), "fourth of july": (7, 4), "valentine's day": (2, 14),
    "halloween": (10, 31), "veterans day": (11, 11), "boxing day": (12, 26),
}  # fmt: skip
#: Single words or phrases that name the present, past or future without a date.
REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "the present": "PRESENT_REF", "right now": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}  # fmt: skip
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
    r"(?i:(?:the|an?)\s+(?=[\w.,]+(?:-\w+)*-(?:day|week|month|quarter|year|hour|minute)$|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:day|week|month|year)$))"
)
#: What may stand between a clock time and its day: ``10 p.m. Wednesday``, ``noon on Friday``.
CLOCK_DAY_GAP = re.compile(r"(?:,|\s+on)?\s+")
#: Tense cues: words that point ahead (modals, plans, deadlines), and words that report
#: what happened. Verbs ending in "-ed" count as past too (see ``dates._tense``).
FUTURE_CUES = frozenset(
    {
        "will", "won't", "shall", "'ll", "going", "expected", "scheduled", "plan", "plans",
        "planned", "planning", "set", "would", "upcoming", "intend", "intends", "hope", "hopes",
        "due", "aim", "aims", "slated", "until", "till", "by", "soon", "supposed", "deadline",
        "effective", "might", "may", "could", "ahead",
    }
)  # fmt: skip
PAST_CUES = frozenset(
    {
        "said", "says", "was", "were", "had", "did", "ago", "told", "added", "announced",
        "earlier",
        # Common irregular past forms: the "-ed" test misses them.
        "became", "began", "brought", "bought", "came", "caught", "chose", "fell", "felt",
        "fled", "flew", "fought", "found", "gave", "got", "grew", "heard", "held", "hit",
        "kept", "knew", "led", "left", "lost", "made", "meant", "met", "paid", "ran", "rose",
        "sank", "saw", "sent", "shot", "slid", "sold", "spent", "spoke", "stood", "struck",
        "swept", "took", "thought", "threw", "went", "won", "wrote", "broke",
    }
)  # fmt: skip

#: Only abbreviations take a full stop: after "September" it ends the sentence.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
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
    r"(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC))?|(?P<clockword>noon|midnight|midday))"
)

#: The grammar: (rule name, pattern). Overlaps are settled longest-first, then by this order.
RULES: list[tuple[str, str]] = [
    (
        "date_mdy",
        rf"(?:(?:(?i:{_REL})\s+)?{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
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
    ("month_year", rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
    ("month", rf"(?:(?i:{_REL})\s+)?{_MONTH}"),
    (
        "quarter",
        r"(?i:(?:the\s+|this\s+year's\s+|last\s+year's\s+|(?P<ypos>\d{4})'s\s+)?"
        r"(?:(?P<yr>\d{4})\s+)?(?:(?P<qrel>latest|current|previous|year-earlier|year-ago|"
        r"comparable\s+year-ago|fiscal|calendar|same)\s+)?(?P<ord>first|second|third|fourth|"
        r"1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<yof>\d{4}))?)",
    ),
    (
        "half",
        r"(?i:(?:the\s+)?(?P<ord>first|second|last)\s+half(?:\s+of\s+(?:(?P<yof>\d{4})|"
        r"the\s+(?:(?P<hdec>1[0-9]\d0|20\d0)|'(?P<hdec2>\d0))'?s))?)",
    ),
    (
        "ref_quarter",
        r"(?i:(?:the|that|this)\s+(?P<qrel>latest\s+|current\s+|same\s+|"
        r"year-earlier\s+|year-ago\s+|comparable\s+year-ago\s+|comparable\s+|prior-year\s+|"
        r"fiscal\s+)*(?P<what>quarter|period)|year-earlier|year-ago"
        r"|the\s+(?P<pyear>(?:19|20)\d\d)\s+(?:quarter|period))",
    ),
    ("year", rf"(?i:(?:fiscal|calendar|the\s+year)\s+)?{_YEAR}(?!\s*(?:%|percent))"),
    (
        "decade",
        r"(?i:(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[0-9]\d0|20\d0)|"
        r"'(?P<dec2>\d0))'?s)",
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
        r"Valentine's\s+Day|Halloween|Boxing\s+Day)(?:,?\s+" + _YEAR + ")?",
    ),
    ("weekday", rf"(?:(?i:{_REL})\s+)?{_WEEKDAY}(?:\s+(?i:{_POD}))?"),
    (
        "day_word",
        r"(?i:(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"today|tonight|yesterday|tomorrow)(?:\s+" + _POD + r")?)",
    ),
    ("pod_rel", r"(?i:(?P<prel>this|last|that)\s+" + _POD + r"|overnight)"),
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
        r"(?P<dir>ago|earlier|later|from\s+now|hence))",
    ),
    (
        "anaphora",
        r"(?i:(?P<arel>that|the\s+same|the\s+following|the\s+next|the\s+previous|"
        r"the\s+prior)\s+(?P<aunit>day|week|month|year))",
    ),
    ("unit_rel", rf"(?i:{_REL}\s+(?:{_UNIT}|{_SEASON}))"),
    ("weekend", r"(?i:the\s+weekend)"),
    ("season", rf"(?i:{_SEASON})(?:\s+(?:of\s+)?(?:{_YEAR}|(?i:{_SPELLED_YEAR})))?"),
    (
        "the_year",
        r"(?i:the\s+(?P<yrel>(?:latest|current|fiscal|calendar|past|coming|previous)\s+)*"
        r"year(?!\s+(?:two|nineteen|\d)))",
    ),
    ("year_end", r"(?i:year[\s-]end|the\s+end\s+of\s+the\s+year)"),
    (
        "duration",
        rf"(?i:(?:the\s+)?(?:(?P<drel>past|last|next|first|coming|previous|final|"
        rf"following|latest|remaining|same|year-earlier|year-ago)\s+)?{_NUMBER}[\s-]+(?:more\s+|additional\s+|"
        rf"full\s+|straight\s+|consecutive\s+)?{_UNIT}s?(?:[\s-]+(?:long|old)\b)?)",
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
        rf"(?:{_UNIT}|{_MONTH}|{_WEEKDAY}|{_SEASON})|(?:once|twice|(?:\w+\s+times))\s+an?\s+"
        r"(?P<unit2>day|week|month|year))",
    ),
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
    "half": ("half",), "ref_quarter": ("quarter", "period", "year-"),
    "year": tuple("0123456789"), "decade": ("0s", "0's"), "century": ("century",),
    "spelled_year": ("nineteen", "thousand"),
    "holiday": (
        "thanksgiving", "christmas", "new year", "election", "easter", "good friday",
        "independence", "fourth of july", "labor", "memorial", "veterans", "valentine",
        "halloween", "boxing",
    ),
    "weekday": ("day",), "day_word": ("today", "tonight", "yesterday", "tomorrow"),
    "pod_rel": ("morning", "afternoon", "evening", "night"),
    "pod_bare": ("morning", "afternoon", "evening", "night"),
    "clock": (".m", "m.", "am", "pm", "noon", "midnight", "midday"),
    "ago": ("ago", "earlier", "later", "from now", "hence"),
    "anaphora": ("day", "week", "month", "year"), "weekend": ("weekend",),
    "season": ("spring", "summer", "fall", "autumn", "winter"), "year_end": ("year",),
    "the_year": ("year",), "day_pair": (" and ", " or ", " to ", " through "),
}  # fmt: skip

#: Every rule compiled, anchored on word boundaries so no rule fires inside a word.
COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"(?<![\w$.,/])(?<!\d-)(?:{pattern})(?![\w/]|\.\d|-\w)"))
    for name, pattern in RULES
]
