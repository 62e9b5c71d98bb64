"""The web app in a real browser: a real `interview-prep serve` process driven by Debian's
headless Chromium. A student makes the nurse prep sheet by mouse, by keyboard alone, on a
phone's width and with JavaScript off; axe-core finds nothing on any page; injected text never
runs; nothing is fetched from another site and no cookie is set.

Headless Chromium draws no pop-up for a ``<datalist>``, so "picking a suggestion" here means
waiting for the suggestions the page fetched and entering the one chosen, as the browser does.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .browser import axe_on_every_page, axe_violations, chromium, require_browser
from .test_web_routes import DOCUMENT_VALUES, PAGES, PAYLOADS

pytestmark = pytest.mark.slow
pytest.importorskip("uvicorn")

STUDENT = "Dana Ortiz"
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
# every dialog a script could open is recorded instead, so a test can see that none ran
TRAP = (
    "window.__ran = [];"
    "for (const name of ['alert', 'confirm', 'prompt', 'print']) {"
    "  window[name] = function (m) { window.__ran.push(name + ':' + String(m)); }; }"
)
# boxes that scroll sideways inside the page (the preview box may, but should not need to)
SIDEWAYS = (
    "return [...document.querySelectorAll('main *')]"
    ".filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1"
    " && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))"
    ".map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)"
)
# fills a form from a dict of values (lists for repeated fields, radios by value)
FILL = """
const form = document.getElementById('make-form');
for (const [name, value] of Object.entries(arguments[0])) {
  const values = Array.isArray(value) ? value : [value];
  const inputs = form.querySelectorAll(`[name="${name}"]`);
  if (inputs.length && inputs[0].type === 'radio')
    inputs.forEach(input => { input.checked = input.value === values[0]; });
  else values.forEach((text, i) => { if (inputs[i]) inputs[i].value = text; });
}
"""
MORE_PAYLOADS = (
    *PAYLOADS,
    "<svg onload=alert(2)>",
    "javascript:alert(3)",
)


@dataclass
class Server:
    url: str
    log: Path


@dataclass
class Browser:
    """One Chromium, its downloads folder, and what it sent and logged since the last look."""

    driver: Any
    server: Server
    downloads: Path
    requests: list[str] = field(default_factory=list)
    cookies_set: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        self.driver.get(self.server.url + path)

    def find(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return list(self.driver.find_elements(By.CSS_SELECTOR, css))

    def wait_for(self, check: Callable[[], Any], what: str, timeout: float = 20) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = check()
            if found:
                return found
            time.sleep(0.05)
        raise AssertionError(f"waited {timeout:g} s for {what}")

    def wait_for_page(self, css: str) -> None:
        self.wait_for(
            lambda: (
                self.driver.execute_script("return document.readyState") == "complete"
                and self.all(css)
            ),
            css,
        )

    def suggestions(self) -> list[tuple[str, str]]:
        return [
            (str(value), str(label))
            for value, label in self.driver.execute_script(
                "return [...document.querySelectorAll('#field-options option')]"
                ".map(o => [o.value, o.label])"
            )
        ]

    def download(self, start: Callable[[], None], suffix: str) -> Path:
        """The file ``start`` makes the browser save, once it is whole."""
        for old in self.downloads.iterdir():
            old.unlink()
        start()
        return Path(
            self.wait_for(
                lambda: next(
                    (
                        p
                        for p in self.downloads.iterdir()
                        if p.suffix == suffix and p.stat().st_size > 0
                    ),
                    None,
                ),
                f"a {suffix} download",
                timeout=40,
            )
        )

    def scripts_ran(self) -> list[str]:
        return list(self.driver.execute_script("return window.__ran || []"))

    def console_errors(self) -> list[str]:
        return [
            entry["message"]
            for entry in self.driver.get_log("browser")
            # a 4xx page is not a script's error: the form's problems come back as 422
            if entry["level"] == "SEVERE" and entry.get("source") != "network"
        ]

    def drain_network(self) -> None:
        """Move what the browser asked for (and any cookie it was sent) into the lists."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif message["method"] == "Network.responseReceived":
                headers = {k.lower() for k in params["response"].get("headers", {})}
                if "set-cookie" in headers:
                    self.cookies_set.append(params["response"]["url"])

    def assert_private(self) -> None:
        """Only this server was asked for anything, and no cookie was set or kept."""
        self.drain_network()
        others = [
            url
            for url in self.requests
            if not url.startswith((self.server.url + "/", "data:", "blob:"))
        ]
        assert others == [], f"third-party requests: {others}"
        assert self.cookies_set == []
        assert self.driver.get_cookies() == []
        stored = self.driver.execute_cdp_cmd("Storage.getCookies", {})
        assert stored.get("cookies") == []


# the typographer curls typed quotes; comparing straightened, the text is exactly as typed
CURLED = str.maketrans("‘’“”", "''\"\"")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    require_browser()  # skips, naming what is missing (fails under CI, where setup installs it)
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    env = {**os.environ, "BROWSER": "false", "INTERVIEW_PREP_RENDER_WORKERS": "1"}
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "interview_prep", "serve", "--no-browser", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                        if response.read() == b"ok":
                            break
                except OSError:
                    if process.poll() is not None:
                        pytest.fail(f"serve stopped: {log.read_text()}")
                    time.sleep(0.1)
            else:
                pytest.fail(f"serve did not answer: {log.read_text()}")
            yield Server(url, log)
        finally:
            process.terminate()
            process.wait(timeout=20)


@contextmanager
def _browser(server: Server, folder: Path, *, javascript: bool, **size: int) -> Iterator[Browser]:
    prefs: dict[str, Any] = {
        "download.default_directory": str(folder),
        "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True,
    }
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    with chromium(prefs=prefs, logs=True, **size) as driver:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
        )
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
        yield Browser(driver, server, folder)


@pytest.fixture(scope="module")
def browser(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with _browser(server, tmp_path_factory.mktemp("downloads"), javascript=True) as browser:
        yield browser


@pytest.fixture()
def fresh(browser: Browser) -> Browser:
    """The module's browser at desktop width, its logs read and emptied."""
    browser.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.drain_network()
    browser.console_errors()
    browser.requests.clear()
    return browser


def _pdf_questions(pdf: Path, preview_questions: list[str]) -> None:
    """The PDF opens, has a sensible number of pages, and holds the preview's questions."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        pages = len(document.pages)
        text = " ".join((page.extract_text() or "") for page in document.pages)
    assert 1 <= pages <= 6, pages
    # a time cue sits at the right of a question's first line, so extraction reads it there
    cue = r"\d+ min(?: · done by (?:\d+:\d\d\s?[AP]M|minute \d+))?"
    flat = re.sub(r"\s+", " ", re.sub(cue, " ", text))
    assert "Registered Nurse" in flat
    assert STUDENT in flat
    missing = [q for q in preview_questions if re.sub(r"\s+", " ", q) not in flat]
    assert not missing, missing


def _preview_questions(browser: Browser) -> list[str]:
    found = [e.text.strip() for e in browser.all(".doc-preview ol > li > p > strong")]
    assert len(found) >= 5, found
    return found


def test_by_mouse_a_student_makes_the_nurse_prep_sheet(fresh: Browser) -> None:
    fresh.open("/documents/prep-sheet")
    job = fresh.find("#field")
    job.click()
    job.send_keys("nurse")
    found = fresh.wait_for(fresh.suggestions, "job suggestions")
    chosen = next(value for value, label in found if label == "Registered Nurse")
    job.clear()
    job.send_keys(chosen)  # what the browser enters when a suggestion is picked
    fresh.find("label[for=stage-2]").click()  # College
    minutes = fresh.find("#minutes")
    minutes.clear()
    minutes.send_keys("30")
    fresh.find("#contact").send_keys(STUDENT)
    fresh.find("button[value=html]").click()
    fresh.wait_for_page("#result .doc-preview")
    preview = fresh.find(".doc-preview").text
    assert "Prep sheet: Registered Nurse" in preview and STUDENT in preview
    assert "30 minutes" in preview
    questions = _preview_questions(fresh)
    pdf = fresh.download(lambda: fresh.find("#result button[value=pdf]").click(), ".pdf")
    _pdf_questions(pdf, questions)
    assert fresh.console_errors() == []
    fresh.assert_private()


def test_by_keyboard_alone(fresh: Browser) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver = fresh.driver

    def press(*keys: str) -> None:
        ActionChains(driver).send_keys(*keys).perform()

    def replace(text: str) -> None:
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
        press(text)

    def focused() -> Any:
        return driver.switch_to.active_element

    def tab_to(matches: Callable[[Any], bool], what: str) -> None:
        for _ in range(60):
            press(Keys.TAB)
            if matches(focused()):
                return
        raise AssertionError(f"Tab never reached {what}")

    fresh.open("/documents/prep-sheet")
    tab_to(lambda e: e.get_attribute("id") == "field", "the job field")
    press("nurse")
    found = fresh.wait_for(fresh.suggestions, "job suggestions")
    chosen = next(value for value, label in found if label == "Registered Nurse")
    replace(chosen)
    press(Keys.TAB)  # into the stage radios, on the first (High school)
    assert focused().get_attribute("name") == "stage"
    press(Keys.ARROW_DOWN)  # College
    assert focused().get_attribute("value") == "college" and focused().is_selected()
    press(Keys.TAB)
    assert focused().get_attribute("id") == "minutes"
    replace("30")
    assert driver.execute_script("return [field.value, minutes.value]") == [chosen, "30"]
    tab_to(lambda e: e.get_attribute("id") == "contact", "their name")
    press(STUDENT)
    tab_to(lambda e: e.get_attribute("value") == "html", "Show it")
    press(Keys.ENTER)
    fresh.wait_for_page("#result .doc-preview")
    assert "Prep sheet: Registered Nurse" in fresh.find(".doc-preview").text
    questions = _preview_questions(fresh)
    pdf = fresh.download(
        lambda: (
            tab_to(lambda e: e.get_attribute("value") == "pdf", "Download PDF"),
            press(Keys.ENTER),
        ),
        ".pdf",
    )
    _pdf_questions(pdf, questions)
    fresh.assert_private()


def _states(browser: Browser) -> Iterator[str]:
    """Every page, then a preview and an error state; yields a name for each as it shows."""
    for path in PAGES:
        browser.open(path)
        browser.wait_for_page("main")
        yield path
    browser.open("/documents/prep-sheet")
    browser.find("#field").send_keys("nurse")
    browser.find("label[for=stage-2]").click()
    browser.find("#contact").send_keys(STUDENT)
    browser.find("button[value=html]").click()
    browser.wait_for_page("#result .doc-preview")
    yield "prep sheet preview"
    browser.open("/letters/request")
    for name, text in (("from", "Alex Kim"), ("to", STUDENT), ("field", "nurse")):
        browser.find(f"#{name}").send_keys(text)
    browser.find("button[value=html]").click()
    browser.wait_for_page("#result #letter-text")
    yield "letter preview"
    browser.open("/documents/prep-sheet")
    browser.find("#field").send_keys("nurze")
    browser.find("#minutes").clear()
    browser.find("#minutes").send_keys("500")
    browser.find("button[value=html]").click()
    browser.wait_for_page("[data-error-summary]")
    assert browser.driver.title.startswith("Error:")
    yield "error state"


def test_axe_finds_nothing_on_any_page(fresh: Browser) -> None:
    with axe_on_every_page(fresh.driver):
        found = {name: axe_violations(fresh.driver) for name in _states(fresh)}
    assert {name: v for name, v in found.items() if v} == {}
    assert fresh.console_errors() == []
    fresh.assert_private()


def _previews(browser: Browser) -> Iterator[str]:
    """The preview of every document kind, the form filled as the route tests fill it."""
    for kind, values in DOCUMENT_VALUES.items():
        browser.open(f"/documents/{kind}")
        browser.driver.execute_script(FILL, values)
        browser.find("#make-form button[value=html]").click()
        browser.wait_for_page("#result .doc-preview")
        yield f"{kind} preview"


def test_no_sideways_scrolling_at_390_pixels(fresh: Browser) -> None:
    fresh.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    wide = {}
    for name in (*_states(fresh), *_previews(fresh)):
        width = fresh.driver.execute_script(
            "return [innerWidth, document.documentElement.scrollWidth]"
        )
        assert width[0] == PHONE["width"]
        if width[1] > width[0]:
            wide[name] = width[1]
        boxes = fresh.driver.execute_script(SIDEWAYS)
        if boxes:
            wide[f"{name}: inside"] = boxes
    assert wide == {}
    fresh.assert_private()


def test_injected_text_never_runs(fresh: Browser) -> None:
    def fill(values: dict[str, str]) -> None:
        fresh.driver.execute_script(
            "for (const [id, value] of Object.entries(arguments[0]))"
            "  document.getElementById(id).value = value;",
            values,
        )

    for payload in MORE_PAYLOADS:
        fresh.open("/documents/prep-sheet")
        free = _text_inputs(fresh, "field", "minutes")
        assert {"contact", "title", "org", "where", "school"} <= set(free)
        fill({**dict.fromkeys(free, payload), "field": "nurse", "minutes": "30"})
        fresh.find("label[for=stage-2]").click()
        fresh.find("button[value=html]").click()
        fresh.wait_for_page("#result .doc-preview")
        shown = fresh.find(".doc-preview").text.translate(CURLED)
        assert payload in shown  # shown as typed
        _nothing_ran(fresh, payload)

        fresh.open("/letters/request")
        letter = _text_inputs(fresh, "field", "minutes", "from-email", "from-phone")
        assert {"from", "to", "referral", "how-found", "availability"} <= set(letter)
        fill({**dict.fromkeys(letter, payload), "field": "nurse"})
        fresh.find("button[value=html]").click()
        fresh.wait_for_page("#result #letter-text")
        assert payload in (fresh.find("#letter-text").get_attribute("value") or "").translate(
            CURLED
        )
        _nothing_ran(fresh, payload)

    # the fields that are checked come back on the error page, still as text
    every = "".join(MORE_PAYLOADS)
    fill({"field": every, "minutes": every})
    fresh.find("button[value=html]").click()
    fresh.wait_for_page("[data-error-summary]")
    shown = fresh.driver.execute_script("return [field.value, minutes.value]")  # ids are globals
    assert shown == [every, every]
    _nothing_ran(fresh, every)
    assert fresh.console_errors() == []
    fresh.assert_private()


def _text_inputs(browser: Browser, *but: str) -> list[str]:
    found = browser.all("form#make-form input[type=text], form#make-form textarea")
    return [str(e.get_attribute("id")) for e in found if e.get_attribute("id") not in but]


def _nothing_ran(browser: Browser, payload: str) -> None:
    """No dialog opened, no element came from the payload, and it shows as plain text."""
    assert browser.scripts_ran() == [], payload
    made = browser.driver.execute_script(
        "return {scripts: [...document.scripts].map(s => s.getAttribute('src')),"
        " images: document.images.length, svgs: document.querySelectorAll('svg').length,"
        " links: [...document.links].map(a => a.getAttribute('href'))"
        "  .filter(h => /^\\s*javascript:/i.test(h)),"
        " handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
        "  .filter(a => a.name.startsWith('on')).length}"
    )
    assert made == {
        "scripts": ["/static/app.js"],
        "images": 0,
        "svgs": 0,
        "links": [],
        "handlers": 0,
    }, (payload, made)


def test_with_javascript_off_the_form_still_makes_the_pdf(
    server: Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with _browser(server, tmp_path_factory.mktemp("no-js"), javascript=False) as browser:
        browser.open("/documents/prep-sheet")
        browser.find("#field").send_keys("nurse")
        time.sleep(0.5)  # long enough for app.js to have fetched suggestions, had it run
        assert browser.suggestions() == []
        browser.find("label[for=stage-2]").click()
        browser.find("#contact").send_keys(STUDENT)
        browser.find("button[value=html]").click()
        browser.wait_for_page("#result .doc-preview")
        questions = _preview_questions(browser)
        pdf = browser.download(lambda: browser.find("#result button[value=pdf]").click(), ".pdf")
        _pdf_questions(pdf, questions)
        browser.open("/documents/prep-sheet")
        browser.find("button[value=html]").click()
        browser.wait_for_page("[data-error-summary]")  # the problems, from the server alone
        browser.assert_private()


def test_the_server_log_holds_paths_only(fresh: Browser, server: Server) -> None:
    fresh.open(f"/questions?field={STUDENT.replace(' ', '+')}")
    fresh.wait_for_page("main")
    fresh.open("/documents/prep-sheet")
    fresh.find("#field").send_keys("nurse")
    fresh.find("label[for=stage-2]").click()
    fresh.find("#contact").send_keys("Zelda Quinn")
    fresh.find("button[value=html]").click()
    fresh.wait_for_page("#result")
    log = server.log.read_text()
    assert "POST /documents/prep-sheet 200" in log
    for secret in ("Zelda", "Ortiz", "alert(", "nurse", "Traceback", " 500 "):
        assert secret not in log, secret
