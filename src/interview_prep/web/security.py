"""What every response carries and every request is held to: security headers, no cookies,
size limits on bodies, and an access log that records paths but never what anyone typed."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# style attributes stay allowed: the document preview sizes its writing spaces with them;
# scripts and style sheets come only from this server
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; style-src-elem 'self'; "
    "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
access_log = logging.getLogger("interview_prep.web.access")


class BodyTooLarge(Exception):
    """A request body is bigger than the limit for its path."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request is larger than {limit:,} bytes")
        self.limit = limit


class Guard:
    """ASGI middleware: headers on every response, Set-Cookie never sent, bodies counted
    against a limit (by path prefix), and one log line per request: method, path, status."""

    def __init__(self, app: ASGIApp, limits: Mapping[str, int], default_limit: int) -> None:
        self.app = app
        self.limits = dict(limits)
        self.default_limit = default_limit

    def limit_for(self, path: str) -> int:
        return next(
            (size for prefix, size in self.limits.items() if path.startswith(prefix)),
            self.default_limit,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        started = time.perf_counter()
        status = [0]
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit, status)
            _log(scope, status[0], started)
            return
        seen = [0]

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen[0] += len(message.get("body", b""))
                if seen[0] > limit:
                    raise BodyTooLarge(limit)
            return message

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() != b"set-cookie"
                ]
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in HEADERS if name not in present]
                if scope["method"] != "GET" and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLarge as error:
            if status[0]:
                raise
            await _too_large(guarded_send, error.limit, status)
        except Exception as error:
            if not status[0]:
                raise
            # the error page went out already; a traceback could show what someone typed
            access_log.error("error after the response started: %s", type(error).__name__)
        finally:
            _log(scope, status[0], started)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int, status: list[int]) -> None:
    from .pages import plain_page

    body = plain_page(
        "Too large",
        f"What you sent is larger than {limit // 1000:,} KB, the most this page takes. "
        "For a roster, split the class into smaller files.",
    ).encode()
    status[0] = 413
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *HEADERS,
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _log(scope: Scope, status: int, started: float) -> None:
    # the path only: query strings (what was typed into the job search) and bodies stay out
    access_log.info(
        "%s %s %d %.0fms",
        scope.get("method", "-"),
        scope.get("path", "-"),
        status,
        (time.perf_counter() - started) * 1000,
    )


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A logging setup for uvicorn that keeps its own access log off (it records query
    strings) and prints this module's path-only lines instead."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(message)s"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "interview_prep.web": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
