"""`interview-prep serve` as a person starts it: a real server process, and the message when
the web extra is missing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_prep.cli import main

pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_healthz_and_logs_no_query(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "BROWSER": "false"}
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "interview_prep", "serve", "--no-browser", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            body = b""
            for _ in range(150):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                        body = r.read()
                        break
                except OSError:
                    if server.poll() is not None:
                        break
                    time.sleep(0.1)
            assert body == b"ok", log.read_text()
            url = f"http://127.0.0.1:{port}/api/fields?q=Zelda+Quinn"
            with urllib.request.urlopen(url, timeout=10) as response:
                assert response.status == 200
                assert "set-cookie" not in {k.lower() for k in response.headers}
        finally:
            server.terminate()
            server.wait(timeout=20)
    text = log.read_text()
    assert f"http://127.0.0.1:{port}/" in text
    assert "GET /healthz 200" in text and "GET /api/fields 200" in text
    assert "Zelda" not in text and "q=" not in text


def test_serve_without_the_web_extra_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn raises ImportError
    result = CliRunner().invoke(main, ["serve", "--no-browser"])
    assert result.exit_code == 2
    assert 'pip install "interview-prep[web]"' in result.output


def test_serve_opens_the_browser_through_webbrowser(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    opened: list[str] = []
    ran: list[dict[str, object]] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: ran.append(kwargs))
    monkeypatch.setattr("threading.Timer", _Now)
    monkeypatch.delenv("INTERVIEW_PREP_RENDER_WORKERS", raising=False)
    result = CliRunner().invoke(main, ["serve", "--port", "8765", "--workers", "3"])
    assert result.exit_code == 0, result.output
    assert opened == ["http://127.0.0.1:8765/"]
    assert ran[0]["host"] == "127.0.0.1" and ran[0]["workers"] == 3
    assert ran[0]["access_log"] is False
    os.environ.pop("INTERVIEW_PREP_RENDER_WORKERS", None)


class _Now:
    """threading.Timer that runs at once."""

    def __init__(self, delay: float, function: object) -> None:
        self.function = function

    def start(self) -> None:
        self.function()  # type: ignore[operator]
