"""Headless Chromium for the tests: Debian's chromium and chromedriver, axe-core from `.tools`.

Selenium is pointed at /usr/bin/chromedriver through a Service, so it never looks online for a
driver. `scripts/setup --dev` installs all three.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SERIOUS = ("serious", "critical")


def missing_tools() -> str | None:
    """What is missing to test in a real browser, or None."""
    if not CHROMEDRIVER.exists() or shutil.which("chromium") is None:
        return "chromium and chromium-driver (Debian packages)"
    if not AXE.exists():
        return f"axe-core ({AXE.relative_to(REPO)})"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium (PyPI)"
    return None


def require_browser() -> None:
    """Skip when the browser tools are missing, but fail under CI, where setup installs them."""
    missing = missing_tools()
    if missing is None:
        return
    message = f"{missing} missing: run scripts/setup --dev"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def chromium(
    width: int = 1280,
    height: int = 900,
    *,
    prefs: dict[str, Any] | None = None,
    logs: bool = False,
) -> Iterator[Any]:
    """A headless Chromium window of the given size, closed afterwards. ``prefs`` are Chrome
    preferences (downloads, JavaScript off); ``logs`` keeps the console and network logs."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "chromium"
    if prefs:
        options.add_experimental_option("prefs", prefs)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page the driver shows; its violations (id, impact, nodes). axe is
    sent to the page unless it is there already (see `axe_on_every_page`)."""
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));"
    )
    return list(result)


@contextmanager
def axe_on_every_page(driver: Any) -> Iterator[None]:
    """Have Chromium load axe-core into every page it opens meanwhile, once, instead of
    sending its half a megabyte through WebDriver for each page."""
    added = driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": AXE.read_text(encoding="utf-8")}
    )
    try:
        yield
    finally:
        driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )


def show(driver: Any, path: Path, width: int) -> None:
    """Open ``path`` in ``driver`` as a device ``width`` CSS pixels wide (a phone below 600)."""
    metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(path.as_uri())
