"""What the web app's QA found: a class fits in the render queue, renders yield the CPU to
the pages, and the labels spell names as their owners do."""

from __future__ import annotations

import os
from concurrent.futures import Executor, ThreadPoolExecutor

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient

from interview_prep.web import Settings, create_app
from interview_prep.web.pool import RENDER_NICENESS, PoolFull, RenderPool


def test_a_class_of_30_asking_at_once_waits_instead_of_being_turned_away() -> None:
    pool = RenderPool(2, executor_factory=ThreadPoolExecutor)
    slots = [pool.admit() for _ in range(30)]
    assert pool.busy == 30
    for slot in slots:
        slot.__exit__()
    # the bound stays: a short time limit admits fewer, and the queue can be set
    short = RenderPool(2, timeout=4, executor_factory=ThreadPoolExecutor)
    assert short.capacity == 2 + 2 * 4
    full = RenderPool(1, queue=0, executor_factory=ThreadPoolExecutor)
    with full.admit(), pytest.raises(PoolFull):
        full.admit()


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.slow
def test_render_workers_run_below_the_pages_priority() -> None:
    pool = RenderPool(1)
    try:
        worker = pool.executor.submit(_niceness).result(timeout=60)
    finally:
        pool.close()
    assert worker == min(19, os.nice(0) + RENDER_NICENESS)


def test_linkedin_is_spelled_as_its_owner_does() -> None:
    with TestClient(create_app(Settings(warm_up=False))) as client:
        page = client.get("/letters/request").text
    assert ">LinkedIn</label>" in page and "Linkedin" not in page


def _sleep_then(seconds: float) -> bytes:
    import time

    time.sleep(seconds)
    return b"made"


def test_the_time_limit_counts_the_render_not_the_wait_for_a_worker() -> None:
    import asyncio

    pool = RenderPool(1, timeout=1.0, executor_factory=ThreadPoolExecutor)

    async def class_at_once() -> list[bytes]:
        return await asyncio.gather(*(pool.run(None, _sleep_then, 0.4) for _ in range(4)))

    try:
        assert asyncio.run(class_at_once()) == [b"made"] * 4  # the last waited 1.2 s
    finally:
        pool.close()


def test_a_render_stopped_by_another_renders_restart_runs_once_more() -> None:
    import asyncio
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    made: list[Executor] = []

    class Broken(ThreadPoolExecutor):
        def submit(self, *args: object, **kwargs: object) -> Future[bytes]:
            future: Future[bytes] = Future()
            future.set_exception(BrokenProcessPool("stopped"))
            return future

    def factory(workers: int) -> Executor:
        made.append(Broken(workers) if not made else ThreadPoolExecutor(workers))
        return made[-1]

    pool = RenderPool(1, executor_factory=factory)
    try:
        assert asyncio.run(pool.run(None, _sleep_then, 0)) == b"made"
    finally:
        pool.close()
    assert len(made) == 2


def test_serve_leaves_the_environments_render_workers_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A container sets INTERVIEW_PREP_RENDER_WORKERS; `serve` without the option keeps it."""
    import uvicorn
    from click.testing import CliRunner

    from interview_prep.cli import main

    seen: list[str | None] = []
    monkeypatch.setattr(
        uvicorn,
        "run",
        lambda app, **kw: seen.append(os.environ.get("INTERVIEW_PREP_RENDER_WORKERS")),
    )
    monkeypatch.setenv("INTERVIEW_PREP_RENDER_WORKERS", "1")
    assert CliRunner().invoke(main, ["serve", "--no-browser"]).exit_code == 0
    assert (
        CliRunner().invoke(main, ["serve", "--no-browser", "--render-workers", "3"]).exit_code == 0
    )
    assert seen == ["1", "3"]


def test_the_family_guide_page_asks_what_the_guide_uses() -> None:
    with TestClient(create_app(Settings(warm_up=False))) as client:
        form = client.get("/documents/family-guide").text
        made = client.post(
            "/documents/family-guide", data={"student": "Sam", "field": "nurse"}
        ).text
    assert "<h1>Make a guide for families</h1>" in form
    assert 'for="student"' in form and 'value="high-school" checked' in form
    assert 'name="minutes"' not in form and 'name="contact"' not in form
    assert 'class="doc-preview' in made and "Sam" in made
