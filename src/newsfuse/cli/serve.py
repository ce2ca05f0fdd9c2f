"""The ``serve`` command: the read-only web UI and REST API over the store."""

from __future__ import annotations

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import out


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 exposes the server to the network).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.pass_obj
def serve(obj: Context, host: str, port: int) -> None:
    """Serve the stories as web pages, JSON and a REST API (read-only; Ctrl-C stops)."""
    # Imported here: the web stack is only needed by this command.
    import uvicorn

    from newsfuse.web.app import create_app

    app = create_app(obj.settings.db)
    out.print(
        f"serving {obj.settings.db} on http://{host}:{port}/ (API docs at /api/docs)", markup=False
    )
    uvicorn.run(app, host=host, port=port, log_level="info", workers=1)
