"""The `serve` command: the web app for one person on this computer, or for a school."""

from __future__ import annotations

import click

from ..errors import InterviewPrepError
from .app import main
from .options import in_range

MISSING = 'the web page needs the web extra: pip install "interview-prep[web]"'


@main.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 lets other computers in (for a school).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--workers",
    type=in_range("jobs"),
    default=1,
    show_default=True,
    help="Server processes, each with its own render workers (for a school).",
)
@click.option(
    "--render-workers",
    type=in_range("jobs"),
    default=None,
    help="Processes per server process that make PDF and Word files "
    "[default: INTERVIEW_PREP_RENDER_WORKERS, or 2].",
)
@click.option("--no-browser", is_flag=True, help="Do not open a web browser.")
def serve_command(
    host: str, port: int, workers: int, render_workers: int | None, no_browser: bool
) -> None:
    """Open the web page: make prep sheets, scripts and letters in a browser.

    It listens on this computer only (127.0.0.1) unless --host says otherwise, and stores
    nothing anyone types.
    """
    import os

    try:
        import uvicorn

        from ..web.security import log_config
    except ImportError as error:
        raise InterviewPrepError(f"{MISSING} ({error.name} is missing)") from None
    if render_workers is not None:  # else the environment's setting stands (a container's)
        os.environ["INTERVIEW_PREP_RENDER_WORKERS"] = str(render_workers)
    address = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    click.echo(f"interview-prep is at {address} (press Ctrl+C to stop)", err=True)
    if not no_browser:
        _open_later(address)
    uvicorn.run(
        "interview_prep.web.app:app",
        host=host,
        port=port,
        workers=workers if workers > 1 else None,
        log_config=log_config(),
        access_log=False,
        server_header=False,
        proxy_headers=False,
    )


def _open_later(address: str) -> None:
    """Open the page once the server had a moment to start, through `webbrowser`, which
    respects BROWSER and does nothing where there is no browser to open."""
    import contextlib
    import threading
    import webbrowser

    def open_page() -> None:
        with contextlib.suppress(webbrowser.Error):
            webbrowser.open(address)

    threading.Timer(1.0, open_page).start()
