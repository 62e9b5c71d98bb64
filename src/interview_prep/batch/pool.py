"""The workers a batch runs on, and a bounded stream of their results."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Executor

Key = TypeVar("Key")


class worker_pool:
    """The executor a batch runs on. One it starts itself is shut down however the batch
    ends; on an interrupt or a kill its workers are stopped too, never left running."""

    def __init__(self, executor: Executor | None, jobs: int | None, needed: bool) -> None:
        self.owned = executor is None
        self.executor = executor
        self.jobs = jobs or os.cpu_count() or 1
        self.needed = needed
        self.previous: object = None

    @property
    def window(self) -> int:
        """How many tasks to keep submitted at once: enough to keep every worker busy, few
        enough that the calling process holds a bounded number of them."""
        return max(8, 4 * self.jobs) if self.owned else 512

    def __enter__(self) -> Executor:
        if self.executor is not None:
            return self.executor
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(
            max_workers=self.jobs if self.needed else 1, initializer=die_with_parent
        )
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _terminate)
        return self.executor

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if not self.owned or self.executor is None:
            return
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)  # type: ignore[arg-type]
        if kind is None:
            self.executor.shutdown(cancel_futures=True)
            return
        # stopped early: end the workers now rather than wait for their current documents
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)


def bounded(
    executor: Executor,
    function: Callable[..., Any],
    tasks: Iterable[tuple[Key, tuple[Any, ...]]],
    window: int,
    *,
    owned: bool,
) -> Generator[tuple[Key, Future[Any]], None, None]:
    """Run ``function(*args)`` for each ``(key, args)``, at most ``window`` at a time, and
    yield each key with its finished future as soon as it finishes.

    If the caller stops early, tasks not yet started are cancelled; on an executor the
    caller owns, the ones already running are waited for, so every file they write is
    recorded before the caller's error goes on.
    """
    queue = iter(tasks)
    running: dict[Future[Any], Key] = {}
    try:
        while True:
            for key, args in queue:
                running[executor.submit(function, *args)] = key
                if len(running) >= window:
                    break
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield running.pop(future), future
    finally:
        for future in running:
            future.cancel()
        if running and not owned:
            wait(running)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def die_with_parent() -> None:
    """In a worker: ask Linux to end this process if the batch process dies (even by
    SIGKILL, which leaves it no chance to stop its workers itself)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler inherited from the batch
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent already died before the request took effect
        os._exit(1)
