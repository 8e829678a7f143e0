"""`iikg neo4j start|stop|status` (the managed local server) and `iikg browser`."""

from __future__ import annotations

import os

import click

from graph import browser
from graph.browser import serve as assets
from graph.cli.app import Connection, connection_options, main, progress
from graph.errors import redact
from graph.neo4j import connect, local


@main.group("neo4j")
def neo4j_group() -> None:
    """Run the managed local Neo4j server (assembled from Maven Central on first start).

    Settings: IIKG_CACHE_DIR (default ~/.cache/iikg), IIKG_NEO4J_BOLT_PORT (7687),
    IIKG_NEO4J_HTTP_PORT (7474), IIKG_NEO4J_HEAP (1g), IIKG_NEO4J_PAGECACHE (256m). The server
    listens on 127.0.0.1 only, with auth on: user neo4j, a password iikg generated on the first
    start and keeps in the instance's directory (auth/password, mode 0600) and uses by itself.
    Its HTTP API accepts cross-origin requests from its own Browser only.
    """


@neo4j_group.command("start")
@click.option("--timeout", default=180.0, show_default=True, help="Seconds to wait for Bolt.")
def neo4j_start(timeout: float) -> None:
    """Start the local server (assembling it first if needed) and wait until it answers."""
    server = local.LocalServer.from_env()
    was_running = local.running_pid(server) is not None
    local.start(server, timeout=timeout, progress=progress)
    state = "already running" if was_running else "started"
    click.echo(f"Neo4j {server.version} {state}.")
    if os.environ.get("NEO4J_URI"):
        progress(f"Note: NEO4J_URI is set, so other commands use "
                 f"{redact(os.environ['NEO4J_URI'])}.")
    _addresses(server)


def _addresses(server: local.LocalServer) -> None:
    """Where the server answers and how to log in (the password file, never the password)."""
    login = local.auth.password_file(server)
    if local.auth.read_password(server) is None:
        click.echo(f"  Bolt:    {server.bolt_uri}  (no authentication until its next start)")
    else:
        click.echo(f"  Bolt:    {server.bolt_uri}  (user neo4j, password in {login})")
    click.echo(f"  Browser: {server.browser_connect_url}")
    click.echo("           (paste the password from that file once; the Browser keeps it)")


@neo4j_group.command("stop")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait before kill.")
def neo4j_stop(timeout: float) -> None:
    """Stop the local server cleanly."""
    server = local.LocalServer.from_env()
    stopped = local.stop(server, timeout=timeout)
    click.echo(f"Neo4j {server.version} stopped." if stopped else "Neo4j was not running.")


@neo4j_group.command("status")
@connection_options
def neo4j_status(connection: Connection) -> None:
    """Report the local server, or the server that --uri / NEO4J_URI points to.

    Exits with status 1 when the server is not running or does not answer.
    """
    if connection.uri:
        settings = connection.settings(start_local=False)
        with connect(settings) as graph:
            info = graph.server_info()
        click.echo(f"Neo4j {info.version} ({info.edition}) answers at {settings.uri}.")
        return
    state = local.status()
    server = state.server
    if not state.running:
        assembled = "assembled" if state.assembled else "not assembled yet"
        click.echo(f"Neo4j {server.version} is not running ({assembled}; home {server.home}).")
        click.echo("Start it with: iikg neo4j start")
        raise click.exceptions.Exit(1)
    if state.problem:
        click.echo(f"Neo4j process {state.pid} runs but does not answer: {state.problem}")
        click.echo(f"Log: {server.log_file}")
        raise click.exceptions.Exit(1)
    click.echo(f"Neo4j {state.version} ({state.edition}) is running (pid {state.pid}).")
    _addresses(server)
    click.echo(f"  Home:    {server.home}")


@main.command("browser")
@click.option("--uri", envvar="NEO4J_URI", show_envvar=True,
              help="The server whose Browser you use. Default: the managed local server.")
@click.option("--serve", is_flag=True,
              help="Serve the style and the guide on localhost until Ctrl-C, for a Browser "
                   "connected to another server (run it where your web browser runs).")
@click.option("--port", type=int, default=None,
              help="Port for --serve [IIKG_BROWSER_ASSETS_PORT or 7478].")
@click.option("--grass", is_flag=True,
              help="Print the stylesheet as one :style command to paste into the Browser.")
def browser_command(uri: str | None, serve: bool, port: int | None, grass: bool) -> None:
    """Show how to open Neo4j Browser with the iikg style and guide.

    The managed local server needs nothing: a new Browser connection loads both by itself.
    For another server, paste the printed :style and :play commands into its Browser while
    `iikg browser --serve` runs on your machine (the Browser allows guides from localhost).
    """
    if grass:
        click.echo(":style " + browser.asset_text(browser.STYLE_FILE))
        return
    port = port or int(os.environ.get("IIKG_BROWSER_ASSETS_PORT", assets.DEFAULT_PORT))
    if not uri:
        server = local.LocalServer.from_env()
        running = local.running_pid(server) is not None
        click.echo(f"Neo4j Browser: {server.browser_url}")
        if running and not serve:
            assets.ensure_running(server.home / "run")
            served = assets.running_port(server.home / "run")
            if served:
                click.echo("A new connection loads the iikg style and guide by itself; "
                           "to load them again, run in the Browser:")
                for command in browser.browser_commands(assets.asset_url(served)):
                    click.echo(f"  {command}")
                return
        if not running and not serve:
            click.echo("The local server is not running: start it with `iikg neo4j start`; "
                       "its Browser then loads the iikg style and guide by itself.")
            return
    else:
        click.echo(f"Neo4j Browser (usual address): {browser.browser_address(uri)}")
    url = assets.asset_url(port)
    click.echo("Run these in the Browser (the files are served by `iikg browser --serve`):")
    for command in browser.browser_commands(url):
        click.echo(f"  {command}")
    click.echo("Or paste the stylesheet alone: iikg browser --grass")
    if serve:
        click.echo(f"Serving the style and the guide at {url}/ (Ctrl-C stops).")
        assets.serve_forever(port)
