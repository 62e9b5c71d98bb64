"""A bounded pool of worker processes for PDF and Word renders, with a time limit per render
and a cache of recent results (documents are deterministic, so identical requests share one).

The request thread never waits on WeasyPrint: it hands the work to a process and awaits it.
When every slot is taken the pool says so at once (`PoolFull`) instead of queueing without
limit, and the app answers 503 with Retry-After.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")


class PoolFull(Exception):
    """Every render slot is busy; ask again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int, message: str) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.message = message


class ResultCache:
    """A least-recently-used cache bounded by entries and by total bytes."""

    def __init__(self, entries: int = 64, max_bytes: int = 64_000_000) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: bytes) -> None:
        if self.entries <= 0 or len(value) > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._items[key] = value
            self._size += len(value)
            while len(self._items) > self.entries or self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)


SECONDS_PER_RENDER = 2.0  # a prep sheet on a busy core, for sizing the queue
RENDER_NICENESS = 5  # renders yield the CPU to the pages people are waiting on


class RenderPool:
    """``workers`` processes; at most ``workers + queue`` renders admitted at once. By default
    the queue holds what the workers can make within the time limit, so a class of 30 asking
    at once on two workers waits instead of being turned away."""

    def __init__(
        self,
        workers: int = 2,
        *,
        queue: int | None = None,
        timeout: float = 60.0,
        cache: ResultCache | None = None,
        executor_factory: Callable[[int], Executor] | None = None,
    ) -> None:
        self.workers = max(1, workers)
        if queue is None:
            queue = self.workers * max(4, int(timeout / SECONDS_PER_RENDER))
        self.capacity = self.workers + max(0, queue)
        self.timeout = timeout
        self.cache = cache if cache is not None else ResultCache()
        self._factory = executor_factory or _process_pool
        self._executor: Executor | None = None
        self._busy = 0
        self._lock = threading.Lock()
        self._gate_loop: asyncio.AbstractEventLoop | None = None
        self._gate_semaphore = asyncio.Semaphore(self.workers)

    @property
    def busy(self) -> int:
        return self._busy

    @property
    def executor(self) -> Executor:
        with self._lock:
            if self._executor is None:
                self._executor = self._factory(self.workers)
            return self._executor

    def warm_up(self) -> None:
        """Start every worker now (each loads the banks and the PDF engine once)."""
        executor = self.executor
        for _ in range(self.workers):
            executor.submit(_ready)

    def retry_after(self) -> int:
        """A fair guess of when a slot frees: a few seconds per queued render per worker."""
        return max(1, min(120, 2 * self._busy // self.workers + 1))

    def admit(self) -> _Slot:
        """A slot for one render (or batch), or `PoolFull` at once when none is left."""
        with self._lock:
            if self._busy >= self.capacity:
                raise PoolFull(
                    self.retry_after(),
                    "the server is busy making other documents; try again in a few seconds",
                )
            self._busy += 1
        return _Slot(self)

    def _release(self) -> None:
        with self._lock:
            self._busy -= 1

    async def run(self, key: Hashable | None, function: Callable[..., bytes], *args: Any) -> bytes:
        """``function(*args)`` in a worker process, from the cache when ``key`` was seen."""
        if key is not None:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        with self.admit():
            # waiting for a free worker is the queue; the time limit is the render's own
            async with self._gate():
                result = await self._render(function, args, retry=True)
        if key is not None:
            self.cache.put(key, result)
        return result

    async def _render(self, function: Callable[..., bytes], args: Any, retry: bool) -> bytes:
        executor = self.executor
        future = executor.submit(function, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except asyncio.TimeoutError:
            self._restart(executor)
            raise PoolFull(
                self.retry_after(),
                f"making this document took longer than {self.timeout:g} seconds; "
                "try again, or choose fewer minutes",
            ) from None
        except BrokenProcessPool:
            self._restart(executor)
            if retry:  # another render's restart may have stopped this one: once more
                return await self._render(function, args, retry=False)
            raise PoolFull(self.retry_after(), "a document worker stopped; try again") from None

    def _gate(self) -> asyncio.Semaphore:
        """At most ``workers`` renders handed to the processes at once (per event loop)."""
        loop = asyncio.get_running_loop()
        if self._gate_loop is not loop:
            self._gate_loop, self._gate_semaphore = loop, asyncio.Semaphore(self.workers)
        return self._gate_semaphore

    def _restart(self, broken: Executor) -> None:
        """Stop the workers of ``broken`` (one is stuck or dead) and start fresh ones on
        demand; a pool another render already replaced is left alone."""
        with self._lock:
            if self._executor is not broken:
                return
            self._executor = None
        _stop(broken)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


class _Slot:
    def __init__(self, pool: RenderPool) -> None:
        self.pool = pool

    def __enter__(self) -> _Slot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool._release()


def _process_pool(workers: int) -> Executor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker)


def _start_worker() -> None:
    """In a new worker: end with the server, run below the pages' priority, and load the
    banks and the PDF engine now rather than during a student's first render."""
    import contextlib
    import os

    from .. import default_catalog
    from ..batch.pool import die_with_parent
    from ..pdf import warm_up_pdf_engine

    die_with_parent()
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice
        os.nice(RENDER_NICENESS)
    default_catalog()
    warm_up_pdf_engine()


def _ready() -> bool:
    return True


def _stop(executor: Executor) -> None:
    """Shut ``executor`` down without waiting, ending its worker processes now."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
