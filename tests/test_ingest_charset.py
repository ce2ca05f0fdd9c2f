"""Encodings: UTF-8 first, a single-byte guess only with evidence, and how sure it is."""

from __future__ import annotations

import pytest

from newsfuse.ingest.charset import declared_charset, plausibility, to_text

PT = "Inês Carvalho, que dirige um café em São João, disse que a situação é estável.\n"
FR = "Le maire a déclaré que le café près de la gare a été fermé après l'été.\n"
PL = "Łukasz Wójcik z Krakowa powiedział, że łódź przypłynęła do portu w Gdańsku.\n"
RU = "Президент заявил, что ситуация в порту стабильна и корабли вернулись.\n"
EN = "Officials said the harbour bridge would open on Tuesday after a long delay.\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding", "lowest"),
    [
        (PT.encode("latin-1"), PT, "cp1252", 0.8),  # not cp1250 ("Inęs")
        ((PT + FR).encode("cp1252"), PT + FR, "cp1252", 0.8),
        (PT.encode("mac_roman"), PT, "mac_roman", 0.8),  # not Shift-JIS
        (FR.encode("cp437"), FR, "cp437", 0.8),  # not Big5
        (PL.encode("cp1250"), PL, "cp1250", 0.8),
        (PL.encode("iso8859_2"), PL, "iso8859_2", 0.8),
        ((RU * 4).encode("cp1251"), RU * 4, "cp1251", 0.5),
        (EN.encode(), EN, "utf-8", 1.0),
        (PT.encode(), PT, "utf-8", 1.0),
        (b"\xef\xbb\xbf" + PT.encode(), PT, "utf-8-sig", 1.0),
        (PT.encode("utf-16"), PT, "utf-16", 1.0),
        (PT.encode("utf-32"), PT, "utf-32", 1.0),
        (PT.encode("utf-16-le"), PT, "utf-16-le", 0.9),  # no byte order mark
        (PT.encode("utf-16-be"), PT, "utf-16-be", 0.9),
        (PT.encode("utf-32-le"), PT, "utf-32-le", 0.9),
        (PT.encode("utf-32-be"), PT, "utf-32-be", 0.9),
    ],
)
def test_text_decodes_in_its_encoding(data: bytes, text: str, encoding: str, lowest: float) -> None:
    got = to_text(data)
    assert (got.text, got.encoding) == (text, encoding)
    assert lowest <= got.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "cut"),
    [("O rio Cávado", 1), ("Preço: 5 €", 1), ("Preço: 5 €", 2), ("Sorriso \U0001f600", 3)],
)
def test_a_character_cut_off_at_the_end_keeps_utf8(text: str, cut: int) -> None:
    got = to_text((PT + text).encode()[:-cut])
    assert got.encoding == "utf-8" and got.confidence == 1.0
    assert got.text == PT + text[:-1]  # not "CĂˇvado" in cp1250


@pytest.mark.parametrize(
    ("utf8", "latin"),
    [("São Paulo é grande.", "Inês disse que não."), ("Zürich liegt am See.", "Grüße, Müller.")],
)
def test_mixed_utf8_and_latin1_lines_each_decode_and_are_flagged(utf8: str, latin: str) -> None:
    got = to_text(f"{utf8}\n".encode() + f"{latin}\n".encode("latin-1"))
    assert got.text == f"{utf8}\n{latin}\n"
    assert got.encoding == "utf-8+cp1252" and got.confidence < 0.6


@pytest.mark.parametrize(
    ("text", "better_than"),
    [("Inês", "InÍs"), ("café", "cafŽ"), ("łódź", "³ódŸ"), ("déclaré", "d‚clar‚")],
)
def test_plausibility_prefers_letters_in_place(text: str, better_than: str) -> None:
    assert plausibility(text) > plausibility(better_than)


CS = "Starosta řekl, že most bude otevřen v úterý.\n"


@pytest.mark.parametrize(
    ("data", "declared", "text", "encoding"),
    [
        # Guessed alone, this Czech text reads as cp1252 ("øekl"): the declaration decides.
        (CS.encode("cp1250"), "windows-1250", CS, "cp1250"),
        ((RU * 4).encode("koi8_r"), "KOI8-R", RU * 4, "koi8-r"),
        # Latin-1 and ASCII labels mean windows-1252, whose quotes sit in 0x80-0x9F.
        ("“café”\n".encode("cp1252"), "ISO-8859-1", "“café”\n", "cp1252"),
        ("“café”\n".encode("cp1252"), "us-ascii", "“café”\n", "cp1252"),
        # Valid UTF-8 wins over a label that says otherwise (a common mislabelling).
        (PT.encode(), "iso-8859-1", PT, "utf-8"),
        (PT.encode(), "windows-1250", PT, "utf-8"),
    ],
)
def test_a_declared_charset_decides_what_bytes_cannot(
    data: bytes, declared: str, text: str, encoding: str
) -> None:
    got = to_text(data, declared)
    assert (got.text, got.encoding) == (text, encoding)


@pytest.mark.parametrize("declared", ["no-such-charset", "utf-7'; drop", "", "shift_jis"])
def test_a_declaration_that_is_unknown_or_does_not_fit_is_ignored(declared: str) -> None:
    # Latin-1 bytes are no valid Shift-JIS: the declaration is wrong, the guess stands.
    data = PT.encode("latin-1")
    assert to_text(data, declared) == to_text(data)


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [
        ("text/html; charset=KOI8-R", "KOI8-R"),
        ('text/html; Charset="windows-1250"', "windows-1250"),
        ("text/html", None),
        ("", None),
        (None, None),
    ],
)
def test_the_charset_of_a_content_type(content_type: str | None, charset: str | None) -> None:
    assert declared_charset(content_type) == charset


def test_without_a_declaration_the_czech_text_is_misread() -> None:
    # What the declaration is for: no evidence in these bytes tells cp1250 from cp1252.
    assert to_text(CS.encode("cp1250")).text != CS
