"""The outlets command: list, add, remove, import; a store starts with the shipped list."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from newsfuse.cli import cli
from newsfuse.errors import ConfigError
from newsfuse.outlets import seed_outlets
from newsfuse.store import open_store


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "outlets", *args])


def _refused(result: Result) -> str:
    """The message of the ConfigError a command stopped with (``main`` prints it, status 2)."""
    assert isinstance(result.exception, ConfigError), result.output
    return str(result.exception)


def _names(db: Path) -> list[str]:
    out = _run(db, "list", "--json")
    assert out.exit_code == 0, out.output
    return [json.loads(line)["name"] for line in out.output.splitlines()]


def test_a_new_store_lists_the_shipped_outlets(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    open_store(str(db)).close()
    listed = [json.loads(line) for line in _run(db, "list", "--json").output.splitlines()]
    assert len(listed) == len(seed_outlets())
    bbc = next(o for o in listed if o["name"] == "BBC")
    assert bbc == {
        "name": "BBC",
        "domains": ["bbc.co.uk", "bbc.com"],
        "country": "GB",
        "language": "en",
        "kind": "broadcaster",
    }
    table = _run(db, "list")
    assert "Le Monde" in table.output and "lemonde.fr" in table.output


def test_add_then_remove(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    added = _run(
        db, "add", "Kestrel Daily", "--domain", "https://www.kestrel-daily.example/",
        "--domain", "kestrel.example", "--country", "ie", "--language", "en", "--kind", "newspaper",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "added Kestrel Daily (kestrel-daily.example, kestrel.example)" in added.output
    store = open_store(str(db))
    mine = next(o for o in store.outlet_records() if o.name == "Kestrel Daily")
    store.close()
    assert (mine.country, mine.kind) == ("IE", "newspaper")

    again = _run(db, "add", "kestrel daily", "--domain", "other.example")
    assert "exists" in _refused(again) and "--replace" in _refused(again)
    replaced = _run(db, "add", "Kestrel Daily", "--domain", "other.example", "--replace")
    assert replaced.exit_code == 0, replaced.output

    assert _run(db, "remove", "KESTREL DAILY").exit_code == 0
    assert "Kestrel Daily" not in _names(db)
    missing = _run(db, "remove", "Kestrel Daily")
    assert missing.exit_code == 1 and "no outlet named" in missing.output


def test_a_domain_has_one_outlet(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    clash = _run(
        db, "add", "Not The BBC", "--domain", "news.bbc.co.uk.example", "--domain", "bbc.com"
    )
    assert "belongs to outlet 'BBC'" in _refused(clash)
    assert "Not The BBC" not in _names(db)
    bad = _run(db, "add", "Suffix", "--domain", "co.uk")
    assert "not 'co.uk'" in _refused(bad)


def test_removed_shipped_outlets_stay_removed(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    open_store(str(db)).close()
    assert _run(db, "remove", "RT").exit_code == 0
    open_store(str(db)).close()  # opening again migrates nothing, seeds nothing
    assert "RT" not in _names(db)


def test_import_adds_all_or_none(tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    good = tmp_path / "mine.json"
    good.write_text(
        json.dumps(
            {"outlets": [
                {"name": "Harbour Ledger", "domains": ["harbour-ledger.example"], "country": "CA",
                 "language": "en", "kind": "newspaper"},
                {"name": "Meridian Post", "domains": ["meridian.example"], "kind": "online"},
            ]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    result = _run(db, "import", str(good))
    assert result.exit_code == 0 and "imported 2 outlets" in result.output
    assert {"Harbour Ledger", "Meridian Post"} <= set(_names(db))

    clashing = tmp_path / "clash.json"
    clashing.write_text(
        json.dumps([
            {"name": "Northwind Wire", "domains": ["northwind.example"], "kind": "agency"},
            {"name": "Harbour Ledger", "domains": ["h2.example"]},
        ]),
        encoding="utf-8",
    )  # fmt: skip
    refused = _run(db, "import", str(clashing))
    assert "exists" in _refused(refused)
    assert "Northwind Wire" not in _names(db)  # the transaction took none of them

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = _run(db, "import", str(broken))
    assert "not valid JSON" in _refused(result)
