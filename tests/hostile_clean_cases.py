"""Inputs that once cost the cleaning stage gigabytes or minutes, built on the fly.

Each builder returns ``(file name, bytes)``, the shape of ``test_pipeline_hostile.CASES``'s
``_bytes(...)`` pairs, so a case can be moved into that shared corpus as it is. ``EXPECTED``
says what ingesting each one must give: a reject reason, or ``"article"``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_WORDS = [
    *("the", "port", "city", "council", "said", "on", "monday", "that", "ships", "would"),
    *("return", "to", "harbour", "after", "a", "storm", "closed", "it", "for", "three"),
    *("days", "while", "workers", "repaired", "cranes", "and", "officials", "counted"),
    *("cost", "of", "damage", "roads", "bridges", "homes", "fishing", "fleet", "which"),
    *("lost", "several", "boats"),
]


# Every other word a made-up term, so that long generated text has a real text's spread of
# words (and is not junk by repetition).
_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
_TERMS = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES]


def _sentence(rng: random.Random, words: int) -> str:
    picks = [""] * words
    picks[::2] = rng.choices(_TERMS, k=len(picks[::2]))
    picks[1::2] = rng.choices(_WORDS, k=len(picks[1::2]))
    text = " ".join(picks)
    return text[0].upper() + text[1:] + "."


def _paragraphs(n: int, words: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [_sentence(rng, words) for _ in range(n)]


def _page(body: str, head: str = "") -> bytes:
    return (
        f"<html><head><title>Port reopens</title>{head}</head><body><article>"
        f"<h1>Port reopens</h1>{body}</article></body></html>"
    ).encode()


def a_lines() -> tuple[str, bytes]:
    """A 2 MB dump of one million one-letter lines (5 GB when scored all at once)."""
    return "a-lines.txt", b"a\n" * 1_000_000


def dump_80k_paragraphs() -> tuple[str, bytes]:
    """A 19 MB dump of 80,000 paragraphs of ~40 words."""
    return "paras-80k.txt", "\n\n".join(_paragraphs(80_000, 40)).encode()


def dump_100k_paragraphs() -> tuple[str, bytes]:
    """A 6 MB dump of 100,000 short paragraphs."""
    return "paras-100k.txt", "\n\n".join(_paragraphs(100_000, 10)).encode()


def html_100k_spans() -> tuple[str, bytes]:
    """HTML of 100,000 ``<span>`` elements (1.7 GB before the element limit)."""
    return "spans-100k.html", _page("<p>" + "<span>word</span> " * 100_000 + "</p>")


def html_100k_paragraphs() -> tuple[str, bytes]:
    """8 MB of HTML: 100,000 ``<p>`` paragraphs."""
    return "paras-100k.html", _page("".join(f"<p>{p}</p>" for p in _paragraphs(100_000, 12)))


def html_1m_attributes() -> tuple[str, bytes]:
    """One element with a million attributes."""
    attrs = " ".join(f"a{i}=x" for i in range(1_000_000))
    return "attrs-1m.html", _page(f"<div {attrs}>x</div>" + _article_html())


def html_table_1000x100() -> tuple[str, bytes]:
    """A table of 1,000 rows of 100 cells."""
    row = "<tr>" + "".join(f"<td>{i}</td>" for i in range(100)) + "</tr>"
    return "table-1000x100.html", _page("<table>" + row * 1000 + "</table>")


def html_10mb_attribute() -> tuple[str, bytes]:
    """A good article after an element carrying a 10 MB attribute (inlined data)."""
    blob = "A" * 10_000_000
    return "attr-10mb.html", _page(f'<img src="data:image/png;base64,{blob}">' + _article_html())


def dump_at_the_limits() -> tuple[str, bytes]:
    """A 20 MB dump of 19,000 paragraphs of ~1,000 characters: under the line and size limits."""
    return "paras-19k-long.txt", "\n\n".join(_paragraphs(19_000, 160)).encode()


def html_at_the_limits() -> tuple[str, bytes]:
    """HTML of ~20,000 elements, 1,990 paragraphs to a section: under every limit."""
    paragraphs = iter(_paragraphs(19_900, 12))
    sections = (
        "<section>" + "".join(f"<p>{next(paragraphs)}</p>" for _ in range(1_990)) + "</section>"
        for _ in range(10)
    )
    return "elements-20k.html", _page("".join(sections))


def _article_html() -> str:
    return "".join(
        f"<p>{p} Officials said the work would take weeks.</p>" for p in _paragraphs(8, 20, 3)
    )


_ZH = (
    "台风过后，港口于周一重新开放，数十艘货船陆续返回码头。市政府官员表示，"
    "工人们连夜修复了受损的起重机和道路，渔业船队在风暴中损失了几艘渔船。"
    "港务局局长在新闻发布会上说，全面恢复运营可能需要数周时间，"
    "但首批集装箱已经开始装卸。当地商户对港口重新开放表示欢迎。"
)
_JA = (
    "台風の通過後、港は月曜日に再開され、数十隻の貨物船が岸壁に戻った。市の当局者によると、"
    "作業員は夜通し損傷したクレーンと道路を修理し、漁船団は嵐で数隻の漁船を失った。"
    "港湾局長は記者会見で、完全な運用再開には数週間かかる見込みだと述べたが、"
    "最初のコンテナの荷役はすでに始まっている。地元の商店は港の再開を歓迎した。"
)


def chinese_report() -> tuple[str, bytes]:
    """A short Chinese report: four sentences, no spaces between words."""
    return "report-zh.txt", f"台风过后港口重新开放\n\n{_ZH}\n".encode()


def japanese_report() -> tuple[str, bytes]:
    """A short Japanese report."""
    return "report-ja.txt", f"台風通過後、港が再開\n\n{_JA}\n".encode()


def flood() -> tuple[str, bytes]:
    """One word repeated 20,000 times."""
    return "flood.txt", ("flood " * 20_000).encode()


def random_numbers() -> tuple[str, bytes]:
    """8,000 random numbers, nothing else."""
    rng = random.Random(5)
    return "numbers.txt", " ".join(str(rng.randrange(10**6)) for _ in range(8000)).encode()


Builder = Callable[[], tuple[str, bytes]]

#: Every case and its expected outcome: a reject reason, or "article" when it must be stored.
EXPECTED: dict[Builder, str] = {
    a_lines: "too_many_lines",
    dump_80k_paragraphs: "too_many_lines",
    dump_100k_paragraphs: "too_many_lines",
    html_100k_spans: "too_many_elements",
    html_100k_paragraphs: "too_many_elements",
    html_1m_attributes: "too_many_attributes",
    html_table_1000x100: "too_many_table_cells",
    html_10mb_attribute: "article",
    chinese_report: "article",
    japanese_report: "article",
    flood: "junk",
    random_numbers: "junk",
    dump_at_the_limits: "article",
    html_at_the_limits: "article",
}
