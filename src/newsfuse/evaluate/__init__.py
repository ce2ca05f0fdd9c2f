"""Scorers for newsfuse stages against the public evaluation data (``../shared/data``).

One module per data set: ``extraction`` (body text), ``stories`` (ECB+ clustering),
``alignment`` (ECB+ sentence alignment), ``claims`` (claims-dev), ``quotes`` (PolNeAR),
``dates`` (TempEval-3) and ``events`` (PLOVER). The bench scripts and ``newsfuse eval`` import
them by module; this face loads none, so that one scorer does not pay for the others.
"""

__all__: list[str] = []
