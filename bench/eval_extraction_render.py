"""Score the dump cleaner on the extraction pages as other browsers render them.

Usage::

    .venv/bin/python bench/render_dumps.py                   # once: fill the render cache
    .venv/bin/python bench/eval_extraction_render.py         # in-sample, every renderer
    .venv/bin/python bench/eval_extraction_render.py --oof   # + out-of-fold (~1-2 min)

For each renderer (``w3m``: the data's own ``text/`` dumps; others: the cache written by
`bench/render_dumps.py`) the cleaned bodies are scored against the same gold bodies with the
extraction metric. ``--oof`` also trains the 5 fold models of `scripts/train_line_model.py`
and cleans each page with the model of the fold that held its site out.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from render_dumps import DEFAULT_OUT, RENDERERS, default_data

from newsfuse.clean.dump.cascade import clean_dump
from newsfuse.clean.dump.model import LineModel
from newsfuse.evaluate.extraction import ExtractionScores, aggregate, iter_pages, score_page

ROOT = Path(__file__).resolve().parents[1]


def load_trainer() -> ModuleType:
    """`scripts/train_line_model.py` as a module."""
    script = ROOT / "scripts" / "train_line_model.py"
    spec = importlib.util.spec_from_file_location("train_line_model", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def dumps(data: Path, cache: Path, renderer: str) -> dict[str, str]:
    """Page id -> dump text of one renderer (``w3m``: the data's own dumps)."""
    if renderer == "w3m":
        return {pid: text for pid, text, _, _ in iter_pages(data, "text")}
    folder = cache / renderer
    files = folder.glob("*.txt")
    return {p.name.removesuffix(".txt"): p.read_text(encoding="utf-8") for p in files}


def body(text: str, model: LineModel | None = None) -> str:
    """The cleaned body of a dump, blocks separated by blank lines."""
    return "\n\n".join(b.text for b in clean_dump(text, model=model).body)


def score(
    gold: dict[str, str], texts: dict[str, str], clean: Callable[[str, str], str]
) -> ExtractionScores:
    """The extraction metric of ``clean(page_id, dump)`` over the pages in ``gold``."""
    pages = [score_page(pid, clean(pid, texts.get(pid, "")), g) for pid, g in gold.items()]
    return aggregate(pages)


def _line(name: str, s: ExtractionScores) -> str:
    return (
        f"{name:<22} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.4f} ±{s.f1_std:.3f} "
        f"accuracy={s.accuracy:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Print whole-dump, in-sample and (with --oof) out-of-fold scores per renderer."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="extraction data folder")
    ap.add_argument("--cache", type=Path, default=DEFAULT_OUT, help="render cache folder")
    ap.add_argument("--renderer", action="append", choices=("w3m", *RENDERERS))
    ap.add_argument("--oof", action="store_true", help="also score the fold models")
    args = ap.parse_args(argv)
    data = args.data or default_data()
    if not (data / "gold.jsonl").exists():
        print(f"no extraction data at {data}; set NEWSFUSE_SHARED_DATA or --data")
        return 2
    gold = {pid: g for pid, _, _, g in iter_pages(data, "html")}
    fold_model: dict[str, LineModel] = {}
    if args.oof:
        train = load_trainer()
        pages = train.load_pages(data)
        _, models = train.out_of_fold(pages, train.FOLDS)
        folds = train.fold_of(pages, train.FOLDS)
        fold_model = {p.page_id: models[folds[p.site]] for p in pages}
    for renderer in args.renderer or ("w3m", *RENDERERS):
        texts = dumps(data, args.cache, renderer)
        missing = len(set(gold) - set(texts))
        if missing == len(gold):
            print(f"{renderer}: no dumps under {args.cache / renderer}; run render_dumps.py")
            continue
        note = f" ({missing} pages missing, scored empty)" if missing else ""
        print(f"{renderer}: {len(gold) - missing} dumps{note}")
        print(_line("  whole dump", score(gold, texts, lambda pid, t: t)))
        print(_line("  in-sample", score(gold, texts, lambda pid, t: body(t))))
        if fold_model:
            print(_line("  out-of-fold", score(gold, texts, lambda p, t: body(t, fold_model[p]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
