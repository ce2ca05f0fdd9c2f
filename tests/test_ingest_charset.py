"""Encodings: UTF-8 first, a single-byte guess only with evidence, and how sure it is."""

from __future__ import annotations

import pytest

from newsfuse.ingest.charset import plausibility, to_text

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
