"""spaCy's attribute ruler and English lemmatizer as table lookups: the same output, faster.

Both components are rules over a token's own attributes, run token by token in Python: the
attribute ruler matches its ~180 patterns with spaCy's Matcher, the lemmatizer rebuilds each
token's key before its cache. On 300 ECB+ texts they cost 2-4 s of a 16-19 s parse. Almost
every attribute-ruler pattern is one token constrained by its tag, lowercase form, dependency
or whether it is a space, so what it sets depends on those four values alone; and a rule
lemma depends on the form, the coarse POS and the morphology alone (spaCy's own cache key).
Here both are read from the Doc's arrays once and looked up per distinct key. Patterns of any
other kind (several tokens: "gon na", "let 's") still go through a Matcher, and every rule is
applied in spaCy's order (later rules win), so the annotations are the same as spaCy's; a
test compares every token's POS, morphology and lemma with the stock components'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

__all__ = ["TableAttributeRuler", "TableLemmatizer", "tabled"]

#: The token attributes a one-token pattern may read to be looked up, in array order.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_IDS = (TAG, LOWER, DEP, IS_SPACE)


class TableAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` with one-token patterns read from a table.

    A one-token pattern whose constraints are values or ``IN`` lists of :data:`_KEYS` is kept
    as a predicate; the rules a token gets are computed once per distinct (tag, lowercase,
    dependency, is-space) and cached. Any other pattern goes to a Matcher as in spaCy.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        super().__init__(vocab, name=name)
        self._simple: list[tuple[int, list[dict[int, Any]]]] = []
        self._residual = Matcher(vocab, validate=False)
        self._rules_of: dict[tuple[int, ...], tuple[tuple[int, ...], dict[Any, Any]]] = {}
        self._index: _TestIndex | None = None

    def clear(self) -> None:
        super().clear()
        self._simple = []
        self._residual = Matcher(self.vocab, validate=False)
        self._rules_of = {}
        self._index = None

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        tests = [_one_token_test(self.vocab, p) for p in patterns]
        if all(t is not None for t in tests):
            self._simple.append((rule, [t for t in tests if t is not None]))
        else:
            self._residual.add(self.vocab.strings.add(str(rule)), patterns)
        self._rules_of = {}
        self._index = None

    def __call__(self, doc: Doc) -> Doc:
        """Set each token's attributes: the one-token rules it matches, merged in rule order
        (a later rule's value wins, as in spaCy) and set at once; a token inside a
        several-token match gets every matching rule one by one, in order."""
        keys = [tuple(k) for k in doc.to_array(list(_KEY_IDS)).tolist()]
        residual = self._residual_matches(doc)
        inside = {i for _, _, start, end in residual for i in range(start, end)}
        for i, key in enumerate(keys):
            if i not in inside:
                merged = self._lookup(key)[1]
                if merged:
                    set_token_attrs(doc[i], merged)
        if residual:
            one = [(r, 0, i, i + 1) for i in sorted(inside) for r in self._lookup(keys[i])[0]]
            self.set_annotations(doc, sorted(one + residual))
        return doc

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """Apply (rule, match id, start, end) matches in order, as spaCy's ruler does."""
        for rule, _, start, end in matches:
            set_token_attrs(doc[start:end][self.indices[rule]], self.attrs[rule])

    def _residual_matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = self.vocab.strings
        return [
            (int(strings[match_id]), match_id, start, end)
            for match_id, start, end in self._residual(doc, allow_missing=True, as_spans=False)
        ]

    def _lookup(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], dict[Any, Any]]:
        """The one-token rules a token with these (tag, lowercase, dependency, is-space)
        values matches, in order, and what they set, merged."""
        found = self._rules_of.get(key)
        if found is None:
            if self._index is None:
                self._index = _TestIndex.build(self._simple)
            rules = self._index.rules(key)
            merged: dict[Any, Any] = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            found = self._rules_of[key] = (rules, merged)
        return found


class _TestIndex:
    """One-token tests indexed by the values each accepts, attribute by attribute."""

    def __init__(
        self, rule_of: list[int], free: list[set[int]], accepts: list[dict[int, set[int]]]
    ):
        self.rule_of = rule_of
        self.free = free  # per attribute: tests that do not read it
        self.accepts = accepts  # per attribute: value -> tests that accept it

    @classmethod
    def build(cls, simple: list[tuple[int, list[dict[int, Any]]]]) -> _TestIndex:
        rule_of: list[int] = []
        free: list[set[int]] = [set() for _ in _KEY_IDS]
        accepts: list[dict[int, set[int]]] = [{} for _ in _KEY_IDS]
        for rule, tests in simple:
            for test in tests:
                at = len(rule_of)
                rule_of.append(rule)
                for k, attr in enumerate(_KEY_IDS):
                    if attr not in test:
                        free[k].add(at)
                    for value in test.get(attr, ()):
                        accepts[k].setdefault(value, set()).add(at)
        return cls(rule_of, free, accepts)

    def rules(self, key: tuple[int, ...]) -> tuple[int, ...]:
        tests: set[int] | None = None
        for k, value in enumerate(key):
            passing = self.free[k] | self.accepts[k].get(value, set())
            tests = passing if tests is None else tests & passing
        return tuple(sorted({self.rule_of[t] for t in tests or ()}))


def _one_token_test(vocab: Vocab, pattern: list[Mapping[str, Any]]) -> dict[int, Any] | None:
    """A one-token pattern as {attribute id: accepted values}, or None when it is another kind
    (several tokens, an operator, a regular expression, an attribute not in :data:`_KEYS`)."""
    if len(pattern) != 1:
        return None
    test: dict[int, Any] = {}
    for name, value in pattern[0].items():
        if name not in _KEYS:
            return None
        accepted = value.get("IN") if isinstance(value, dict) and len(value) == 1 else [value]
        if not isinstance(accepted, list) or any(isinstance(v, dict) for v in accepted):
            return None
        if name == "IS_SPACE":
            test[IS_SPACE] = {int(bool(v)) for v in accepted}
        else:
            test[_KEY_IDS[_KEYS.index(name)]] = {vocab.strings.add(str(v)) for v in accepted}
    return test


class TableLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, with lemmas looked up per distinct (form, POS,
    morphology) read from the Doc's arrays: the key of spaCy's own cache, so nothing else can
    change a lemma."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_of: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        keys = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = keys[:, 3].copy()
        known: dict[tuple[int, int, int], int] = self._lemma_of
        strings = self.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(keys.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("newsfuse_attribute_table")
def _make_attribute_table(nlp: Language, name: str) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name=name)


@Language.factory("newsfuse_lemma_table", default_config={"overwrite": False})
def _make_lemma_table(nlp: Language, name: str, overwrite: bool) -> TableLemmatizer:
    return TableLemmatizer(nlp.vocab, None, name, mode="rule", overwrite=overwrite)


def tabled(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and English rule lemmatizer replaced in place by the
    table versions, holding the same patterns and lookups; other pipelines come back as they
    are."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler) is AttributeRuler:
            patterns = ruler.patterns
            table = cast(
                TableAttributeRuler, nlp.replace_pipe("attribute_ruler", "newsfuse_attribute_table")
            )
            table.add_patterns(patterns)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule":
            config = {"overwrite": lemmatizer.overwrite}
            lemmas = cast(
                TableLemmatizer,
                nlp.replace_pipe("lemmatizer", "newsfuse_lemma_table", config=config),
            )
            lemmas.lookups = _index_as_sets(lemmatizer.lookups)
    return nlp


def _index_as_sets(lookups: Lookups) -> Lookups:
    """The same lookups, each part of speech's lemma index a frozenset instead of a list:
    spaCy's rule lemmatizer asks whether each candidate form is in it, a scan of up to 57,528
    nouns per form on the list (1.1 s of CPU for 300 news texts' new words)."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = Table.from_dict({k: frozenset(v) for k, v in table.items()}, name=name)
        out.set_table(name, table)
    return out
