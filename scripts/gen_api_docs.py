"""Write docs/api.md from the web server's OpenAPI schema (``--check``: fail when stale)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from newsfuse.store import open_store
from newsfuse.web.apidoc import markdown
from newsfuse.web.app import create_app

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def generate() -> str:
    """The text of docs/api.md as the code describes the API now."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.db")
        open_store(db).close()  # the schema does not depend on the data: an empty store
        app = create_app(db)
        text = markdown(app.openapi())
        app.state.store.close()
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="Only compare, do not write.")
    args = parser.parse_args()
    text = generate()
    if args.check:
        if DOC.read_text() != text:
            print(f"{DOC} is stale; run python scripts/gen_api_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text)
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
