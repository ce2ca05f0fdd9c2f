"""The cleaning budget: each limit holds at its value and rejects one past it, with its reason;
the time budget rejects as too_slow; chunked scoring gives the probabilities of one pass."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from conftest import make_dump
from hostile_clean_cases import _article_html, _page, _paragraphs

from newsfuse.clean import Budget, clean_dump, clean_html
from newsfuse.clean.dump import chars, model
from newsfuse.clean.dump.features import read_lines
from newsfuse.clean.dump.lines import split_lines
from newsfuse.errors import RejectedInput
from newsfuse.settings import load_settings


def _budget(**limits: int) -> Budget:
    """A fresh budget (its clock starts now) with the default settings and ``limits``."""
    return replace(Budget.start(load_settings(env={})), **limits)


ARTICLE = _article_html()


def _lines(n: int) -> str:
    return "\n".join(_paragraphs(n, 12))


def _elements(n: int) -> str:
    # the page has 6 elements besides the n: html, head, title, body, article, h1
    return _page("<div>" + "<i>x</i>" * (n - 7) + "</div>" + "").decode()


def _cells(n: int) -> str:
    return _page("<table><tr>" + "<td>1</td>" * n + "</tr></table>" + ARTICLE).decode()


def _attributes(n: int) -> str:
    attrs = " ".join(f"a{i}=x" for i in range(n))
    return _page(f"<div {attrs}>x</div>" + ARTICLE).decode()


def _children(n: int) -> str:
    return _page("<div>" + "<span>x</span>" * n + "</div>" + ARTICLE).decode()


# (what, build an input with n of it, the budget field, the reject reason, the cleaner)
LIMITS = [
    ("lines", _lines, "max_lines", "too_many_lines", "dump"),
    ("elements", _elements, "max_html_elements", "too_many_elements", "html"),
    ("cells", _cells, "max_table_cells", "too_many_table_cells", "html"),
    ("attributes", _attributes, "max_attributes", "too_many_attributes", "html"),
    ("children", _children, "max_html_children", "too_many_children", "html"),
]


def _clean(kind: str, text: str, budget: Budget) -> None:
    if kind == "dump":
        clean_dump(text, budget=budget)
    else:
        clean_html(text, budget=budget)


@pytest.mark.parametrize(
    ("what", "build", "field", "reason", "kind"), LIMITS, ids=[x[0] for x in LIMITS]
)
def test_a_limit_holds_at_its_value_and_rejects_past_it(
    what: str, build, field: str, reason: str, kind: str
) -> None:
    budget = _budget(**{field: 50})
    try:
        _clean(kind, build(50), budget)
    except RejectedInput as exc:
        assert exc.reason not in {r for *_, r, _ in LIMITS}, exc
    with pytest.raises(RejectedInput) as caught:
        _clean(kind, build(51), budget)
    assert caught.value.reason == reason
    assert f"NEWSFUSE_{field.upper()}" in caught.value.message


def test_attributes_behind_a_quoted_bracket_are_counted() -> None:
    attrs = " ".join(f"a{i}" for i in range(60))
    html = _page(f'<div title=">" {attrs}>x</div>' + ARTICLE).decode()
    with pytest.raises(RejectedInput, match="too_many_attributes"):
        clean_html(html, budget=_budget(max_attributes=50))


@pytest.mark.parametrize("kind", ["dump", "html"])
def test_past_the_time_budget_the_input_is_too_slow(kind: str) -> None:
    spent = replace(_budget(), deadline=0.0)
    text = make_dump(1) if kind == "dump" else _page(ARTICLE).decode()
    with pytest.raises(RejectedInput) as caught:
        _clean(kind, text, spent)
    assert caught.value.reason == "too_slow"
    assert "NEWSFUSE_CLEAN_SECONDS" in caught.value.message


def test_the_settings_give_the_budget() -> None:
    budget = Budget.start(
        load_settings(env={"NEWSFUSE_MAX_LINES": "7", "NEWSFUSE_CLEAN_SECONDS": "2.5"})
    )
    assert (budget.max_lines, budget.seconds) == (7, 2.5)


def test_chunked_scoring_gives_the_probabilities_of_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "\n\n".join([make_dump(n) for n in range(40)])
    features = read_lines(split_lines(text)).features
    line_model = model.shipped_model()
    whole = line_model.predict(features)
    monkeypatch.setattr(model, "CHUNK_LINES", 7)
    calls: list[int] = []
    chunked = line_model.predict(features, lambda: calls.append(1))
    assert np.array_equal(whole, chunked)
    assert len(calls) == -(-len(features) // 7)


def test_chunked_character_counts_equal_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    text = make_dump(3) + "\n台风过后，港口于周一重新开放。\n" + "x" * 500 + "\n" + _lines(30)
    whole = read_lines(split_lines(text))
    monkeypatch.setattr(chars, "CHUNK_CHARS", 64)  # lines longer than a chunk, too
    chunked = read_lines(split_lines(text))
    assert np.array_equal(whole.features, chunked.features)
    assert np.array_equal(whole.words, chunked.words)
