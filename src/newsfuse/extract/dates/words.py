"""Word lists of English time expressions: names, numbers, units, cue words (data only)."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
#: A month's name as written in news text, for regular expressions: in full, or abbreviated
#: with an optional full stop (after "September" a full stop ends the sentence).
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
#: Words right before a month name that make it the month ("in May", "until March"), not the
#: modal verb or a first name, for regular expressions.
MONTH_CUE_WORDS = (
    r"in|since|until|till|by|from|through|to|of|during|early|late|mid|before|after|"
    r"last|this|next|on|between|and|or"
)
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
#: Units whose half is a whole number of a smaller one: unit -> (letter, factor, time).
HALF_UNITS = {
    "year": ("M", 12, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "millennium": ("Y", 1000, False), "day": ("H", 24, True), "hour": ("M", 60, True),
    "minute": ("S", 60, True),
}  # fmt: skip
#: Frequency adverbs -> TimeML SET value.
SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
}  # fmt: skip
#: Fixed-date holidays (month, day); movable ones are computed in ``extract.dates.calendar``.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "independence day": (7, 4), "fourth of july": (7, 4), "valentine's day": (2, 14),
    "halloween": (10, 31), "veterans day": (11, 11), "boxing day": (12, 26),
    "st. patrick's day": (3, 17), "bastille day": (7, 14), "armistice day": (11, 11),
    "remembrance day": (11, 11),
}  # fmt: skip
#: Single words or phrases that name the present, past or future without a date.
REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "the present": "PRESENT_REF", "right now": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "current": "PRESENT_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}  # fmt: skip
#: Nouns after "today's" that make it "nowadays": "today's youth", "by today's standards".
GENERIC_AFTER_TODAY = frozenset(
    {
        "world", "society", "youth", "young", "generation", "generations", "children", "kids",
        "teenagers", "teens", "students", "standards", "dollars", "terms", "technology",
        "culture",
    }
)  # fmt: skip
#: Tense cues: words that point ahead (modals, plans, deadlines), and words that report
#: what happened. Verbs ending in "-ed" count as past too (see ``dates._tense``).
FUTURE_CUES = frozenset(
    {
        "will", "won't", "shall", "'ll", "going", "expected", "scheduled", "plan", "plans",
        "planned", "planning", "would", "upcoming", "intend", "intends", "hope", "hopes",
        "due", "aim", "aims", "slated", "until", "till", "by", "soon", "supposed", "deadline",
        "effective", "might", "may", "could", "ahead",
    }
)  # fmt: skip
#: Words that point ahead only before "to" or "for" ("set to resume Monday", "is to meet
#: Tuesday"); elsewhere "set" is a past form ("a record set on Aug. 6") and "is" no cue.
FUTURE_BEFORE = {"set": ("to", "for"), "is": ("to",), "are": ("to",)}
PAST_CUES = frozenset(
    {
        "said", "says", "was", "were", "had", "did", "ago", "told", "added", "announced",
        "earlier",
        # Common irregular past forms: the "-ed" test misses them.
        "became", "began", "brought", "bought", "came", "caught", "chose", "fell", "felt",
        "fled", "flew", "fought", "found", "gave", "got", "grew", "heard", "held", "hit",
        "kept", "knew", "led", "left", "lost", "made", "meant", "met", "paid", "ran", "rose",
        "sank", "saw", "sent", "shot", "slid", "sold", "spent", "spoke", "stood", "struck",
        "swept", "took", "thought", "threw", "went", "won", "wrote", "broke", "set",
    }
)  # fmt: skip


#: Spelled decades from the twenties (index 0 is the 20s): "the nineties".
DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                "eighties", "nineties")  # fmt: skip
