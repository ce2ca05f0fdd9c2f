"""spaCy's attribute ruler and English lemmatizer as table lookups: the same output, faster.

Both components are rules over a token's own attributes, run token by token in Python: the
attribute ruler matches its ~180 patterns with spaCy's Matcher, the lemmatizer rebuilds each
token's key before its cache. On 300 ECB+ texts they cost 2-4 s of a 16-19 s parse. Almost
every attribute-ruler pattern is one token constrained by its tag, lowercase form, dependency
or whether it is a space, so what it sets depends on those four values alone; and a rule
lemma depends on the form, the coarse POS and the morphology alone (spaCy's own cache key).
Here both are read from the Doc's arrays once and looked up per distinct key (the lemmatizer in
:mod:`newsfuse.extract.lemma_table`). Patterns of any other kind (several tokens: "gon na",
"let 's") still go through a Matcher, run only on a Doc holding a token that can start one,
and every rule is applied in spaCy's order (later rules win), so the annotations are the same
as spaCy's; a test compares every token's POS, morphology and lemma with the stock
components'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

from newsfuse.extract.lemma_table import TableLemmatizer, index_as_sets

__all__ = ["TableAttributeRuler", "TableLemmatizer", "tabled"]

#: The token attributes a one-token pattern may read to be looked up, in array order.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_IDS = (TAG, LOWER, DEP, IS_SPACE)


class TableAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` with one-token patterns read from a table.

    A one-token pattern whose constraints are values, ``IN`` or ``NOT_IN`` lists of
    :data:`_KEYS` is kept as a predicate; the rules a token gets are computed once per distinct
    (tag, lowercase, dependency, is-space) and cached. Any other pattern goes to a Matcher as in
    spaCy.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        super().__init__(vocab, name=name)
        self._simple: list[tuple[int, list[dict[int, Any]]]] = []
        self._residual = Matcher(vocab, validate=False)
        self._rules_of: dict[tuple[int, ...], tuple[tuple[int, ...], dict[Any, Any]]] = {}
        self._index: _TestIndex | None = None
        # Tests of the residual patterns' first tokens (None: one cannot be tested here).
        self._starts: list[Callable[[tuple[int, ...]], bool]] | None = []
        self._may_start: dict[tuple[int, ...], bool] = {}

    def clear(self) -> None:
        super().clear()
        self._simple = []
        self._residual = Matcher(self.vocab, validate=False)
        self._rules_of = {}
        self._index = None
        self._starts = []
        self._may_start = {}

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        tests = [_one_token_test(self.vocab, p) for p in patterns]
        if all(t is not None for t in tests):
            self._simple.append((rule, [t for t in tests if t is not None]))
        else:
            self._residual.add(self.vocab.strings.add(str(rule)), patterns)
            starts = [_start_test(self.vocab, p[0]) if p else None for p in patterns]
            if self._starts is not None and all(t is not None for t in starts):
                self._starts.extend(t for t in starts if t is not None)
            else:
                self._starts = None
            self._may_start = {}
        self._rules_of = {}
        self._index = None

    def __call__(self, doc: Doc) -> Doc:
        """Set each token's attributes: the one-token rules it matches, merged in rule order
        (a later rule's value wins, as in spaCy) and set at once; a token inside a
        several-token match gets every matching rule one by one, in order."""
        keys = [tuple(k) for k in doc.to_array(list(_KEY_IDS)).tolist()]
        # The Matcher runs only on a Doc with a token that may start a residual pattern.
        starts = self._starts is None or any(self._could_start(k) for k in set(keys))
        residual = self._residual_matches(doc) if starts else []
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

    def _could_start(self, key: tuple[int, ...]) -> bool:
        found = self._may_start.get(key)
        if found is None:
            found = self._may_start[key] = any(test(key) for test in self._starts or ())
        return found

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
        self,
        rule_of: list[int],
        free: list[set[int]],
        accepts: list[dict[int, set[int]]],
        rejects: list[dict[int, set[int]]],
    ):
        self.rule_of = rule_of
        self.free = free  # per attribute: tests that accept any value but the ones they reject
        self.accepts = accepts  # per attribute: value -> tests that accept it
        self.rejects = rejects  # per attribute: value -> tests that reject it (NOT_IN)

    @classmethod
    def build(cls, simple: list[tuple[int, list[dict[int, Any]]]]) -> _TestIndex:
        rule_of: list[int] = []
        free: list[set[int]] = [set() for _ in _KEY_IDS]
        accepts: list[dict[int, set[int]]] = [{} for _ in _KEY_IDS]
        rejects: list[dict[int, set[int]]] = [{} for _ in _KEY_IDS]
        for rule, tests in simple:
            for test in tests:
                at = len(rule_of)
                rule_of.append(rule)
                for k, attr in enumerate(_KEY_IDS):
                    accepted, rejected = test.get(attr, (None, ()))
                    if accepted is None:
                        free[k].add(at)
                    for value in accepted or ():
                        accepts[k].setdefault(value, set()).add(at)
                    for value in rejected:
                        rejects[k].setdefault(value, set()).add(at)
        return cls(rule_of, free, accepts, rejects)

    def rules(self, key: tuple[int, ...]) -> tuple[int, ...]:
        tests: set[int] | None = None
        for k, value in enumerate(key):
            passing = self.free[k] | self.accepts[k].get(value, set())
            passing -= self.rejects[k].get(value, set())
            tests = passing if tests is None else tests & passing
        return tuple(sorted({self.rule_of[t] for t in tests or ()}))


def _one_token_test(vocab: Vocab, pattern: list[Mapping[str, Any]]) -> dict[int, Any] | None:
    """A one-token pattern as {attribute id: (accepted values or None for any, rejected
    values)}, or None when it is another kind (several tokens, an operator, a regular
    expression, an attribute not in :data:`_KEYS`)."""
    if len(pattern) != 1:
        return None
    test: dict[int, Any] = {}
    for name, value in pattern[0].items():
        found = _constraint(vocab, name, value)
        if found is None or found[0] == "REGEX":
            return None
        op, ids = found
        test[_KEY_IDS[_KEYS.index(name)]] = (ids, set()) if op == "IN" else (None, ids)
    return test


def _start_test(vocab: Vocab, token: Mapping[str, Any]) -> Callable[[tuple[int, ...]], bool] | None:
    """A test of the (tag, lowercase, dependency, is-space) key that holds for every token
    that can match this first token of a pattern (a value, IN, NOT_IN or REGEX of those
    attributes, as spaCy's Matcher reads them), or None for any other constraint."""
    checks: list[tuple[int, Callable[[int], bool]]] = []
    for name, value in token.items():
        found = _constraint(vocab, name, value)
        if found is None:
            return None
        op, arg = found
        check = _regex_test(vocab, arg) if isinstance(arg, str) else _member_test(arg, op == "IN")
        checks.append((_KEYS.index(name), check))

    def test(key: tuple[int, ...]) -> bool:
        return all(check(key[k]) for k, check in checks)

    return test


def _constraint(vocab: Vocab, name: str, value: Any) -> tuple[str, set[int] | str] | None:
    """One attribute's constraint in a token pattern: ("IN" or "NOT_IN", the values' ids) or
    ("REGEX", the expression), or None for another attribute or operator."""
    if name not in _KEYS or isinstance(value, dict) and len(value) != 1:
        return None
    op, arg = next(iter(value.items())) if isinstance(value, dict) else ("IN", [value])
    if op == "REGEX":
        return (op, arg) if name != "IS_SPACE" and isinstance(arg, str) else None
    if op not in ("IN", "NOT_IN") or not isinstance(arg, list):
        return None
    if any(isinstance(v, dict) for v in arg):
        return None
    if name == "IS_SPACE":
        return op, {int(bool(v)) for v in arg}
    return op, {vocab.strings.add(str(v)) for v in arg}


def _regex_test(vocab: Vocab, pattern: str) -> Callable[[int], bool]:
    found = re.compile(pattern).search
    return lambda value: bool(found(vocab.strings[value]))


def _member_test(ids: set[int], inside: bool) -> Callable[[int], bool]:
    return lambda value: (value in ids) is inside


@Language.factory("newsfuse_attribute_table")
def _make_attribute_table(nlp: Language, name: str) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name=name)


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
            lemmas.lookups = index_as_sets(lemmatizer.lookups)
    return nlp
