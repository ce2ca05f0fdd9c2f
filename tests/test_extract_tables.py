"""The table versions of spaCy's attribute ruler and lemmatizer annotate as spaCy's do."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from newsfuse.extract.nlp import installed_model, load_nlp
from newsfuse.extract.tables import TableAttributeRuler, TableLemmatizer

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
_ROOT = os.environ.get("NEWSFUSE_SHARED_DATA")
DOCS = (
    (Path(_ROOT) if _ROOT else Path(__file__).resolve().parents[2] / "shared" / "data")
    / "stories"
    / "docs.jsonl"
)


@cache
def _stock() -> Language:
    return spacy.load(installed_model("en"))


def _annotations(nlp: Language, texts: list[str], disable: list[str]) -> list[tuple[str, ...]]:
    return [
        (t.text, t.pos_, str(t.morph), t.lemma_)
        for doc in nlp.pipe(texts, disable=disable)
        for t in doc
    ]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    # Forms the multi-token and dependency patterns are written for, and what is near them.
    texts.append("I'm gonna go. Let's see. It ain't over, but you gotta try. But he left.")
    return texts


def test_the_pipeline_runs_the_tables() -> None:
    kinds = {type(component) for _, component in load_nlp().pipeline}
    assert {TableAttributeRuler, TableLemmatizer} <= kinds
    assert AttributeRuler in {type(c) for _, c in _stock().pipeline}


@pytest.mark.parametrize("disable", [[], ["parser"], ["parser", "ner"]])
def test_same_annotations_as_spacy_on_the_samples(disable: list[str]) -> None:
    texts = _texts()
    expected = _annotations(_stock(), texts, disable)
    assert _annotations(load_nlp(), texts, disable) == expected
    assert len(expected) > 1000


@pytest.mark.slow
@pytest.mark.skipif(not DOCS.exists(), reason="shared/data/stories is not present")
def test_same_annotations_as_spacy_on_ecb_texts() -> None:
    rows = [json.loads(line) for line in DOCS.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in rows[:100]]
    assert _annotations(load_nlp(), texts, []) == _annotations(_stock(), texts, [])
