"""Commands about outlets as records: list, add, remove, import."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import json_lines, show, table
from newsfuse.errors import ConfigError
from newsfuse.models import OUTLET_KINDS


@click.group()
def outlets() -> None:
    """Outlets as records: name, domains, country, language, kind.

    A new store starts with the outlets shipped with newsfuse; a report without an outlet
    takes the one its URL's domain (or a parent domain) names when it is ingested.
    """


@outlets.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per outlet.")
@click.pass_obj
def list_cmd(obj: Context, as_json: bool) -> None:
    """List the store's outlets by name."""
    rows = [asdict(o) for o in obj.store().outlet_records()]
    if as_json:
        json_lines(rows)
        return
    for row in rows:
        row["domains"] = ", ".join(row["domains"])
    table(rows, ["name", "kind", "country", "language", "domains"])


@outlets.command()
@click.argument("name")
@click.option("--domain", "domains", multiple=True, required=True, help="A domain (repeat).")
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. GB.")
@click.option("--language", help="ISO 639-1 code of its main language, e.g. en.")
@click.option("--kind", type=click.Choice(OUTLET_KINDS), default="online", show_default=True)
@click.option("--replace", is_flag=True, help="Replace an outlet of the same name.")
@click.pass_obj
def add(
    obj: Context,
    name: str,
    domains: tuple[str, ...],
    country: str | None,
    language: str | None,
    kind: str,
    replace: bool,
) -> None:
    """Add an outlet; its domains name it for reports ingested from now on."""
    from newsfuse.outlets import parse_outlet

    record = {"name": name, "domains": list(domains), "country": country, "language": language}
    outlet = parse_outlet({**record, "kind": kind})
    obj.store(create=True).add_outlets([outlet], replace=replace)
    show(f"added {outlet.name} ({', '.join(outlet.domains)})")


@outlets.command()
@click.argument("name")
@click.pass_obj
def remove(obj: Context, name: str) -> None:
    """Remove an outlet and its domains (articles keep the outlet name they carry)."""
    if not obj.store().remove_outlet(name):
        raise click.ClickException(f"no outlet named {name!r}; see 'newsfuse outlets list'")
    show(f"removed {name}")


@outlets.command(name="import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--replace", is_flag=True, help="Replace outlets of the same name.")
@click.pass_obj
def import_cmd(obj: Context, file: IO[str], replace: bool) -> None:
    """Add the outlets of a JSON FILE: a list of objects (name, domains, country, language,
    kind), or {"outlets": [...]} as newsfuse's own data/outlets.json. All or none are added."""
    from newsfuse.outlets import parse_outlets

    try:
        data = json.load(file)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{file.name} is not valid JSON ({exc})") from exc
    found = parse_outlets(data)
    obj.store(create=True).add_outlets(found, replace=replace)
    show(f"imported {len(found)} outlets")
