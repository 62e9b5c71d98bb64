"""The web app through its HTTP contract, with Starlette's test client: every page, every
document and letter, the files it sends (read by the programs that open them), its errors,
its limits and its headers."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from markupsafe import escape

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from starlette.testclient import TestClient

import interview_prep as ip
from interview_prep.web import Settings, create_app
from interview_prep.web.controls import LETTER_TITLES, document_kinds
from interview_prep.web.pool import RenderPool

PAGES = (
    "/",
    "/about",
    "/letters",
    "/questions",
    "/questions?field=nurse&stage=college&theme=&mode=",
    "/classroom",
    *(f"/documents/{kind}" for kind in document_kinds()),
    *(f"/letters/{kind}" for kind in LETTER_TITLES),
)
NURSE = {"field": "nurse", "stage": "college", "minutes": "30"}
DOCUMENT_VALUES: dict[str, dict[str, Any]] = {
    "prep-sheet": NURSE,
    "script": NURSE,
    "shadow-plan": {"field": "nurse", "stage": "high-school", "hours": "4"},
    "reflection": {"field": "nurse", "stage": "college", "contact": "Dana Ortiz"},
    "compare": {**NURSE, "contact": ["Dana Ortiz", "Sam Lee"]},
    "handout": {"start": "2026-03-02", "weeks": "4", "course": "Careers 101"},
    "timeline": {"request-date": "2026-03-02", "meeting": "2026-03-14T15:30"},
    "family-guide": {"student": "Sam", "field": "nurse", "stage": "high-school"},
}
SENDER = {
    "from": "Alex Kim",
    "from-email": "alex@example.org",
    "from-phone": "555-0100",
    "to": "Dana Ortiz",
    "title": "Charge Nurse",
    "org": "Lakeside Hospital",
    "field": "nurse",
    "stage": "college",
}
LETTER_EXTRA = {
    "follow-up": {"request-date": "2026-03-02"},
    "confirm": {"when": "2026-03-14T15:30", "where": "Lakeside Hospital"},
    "thank-you": {"when": "2026-03-14T15:30", "learned": "how shifts are handed over"},
    "keep-in-touch": {"when": "2026-03-14T15:30", "news": "I start my clinicals in May"},
    "shadow-request": {"hours": "4"},
}


def assert_safe(response: Any) -> None:
    """What every response must carry, and never carry."""
    headers = response.headers
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert (
        "script-src 'self'" in policy
        and "unsafe" not in policy.split("script-src")[1].split(";")[0]
    )
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "set-cookie" not in headers
    if headers.get("content-type", "").startswith("text/html"):
        # every script is a file from this server: no inline script, no handler attributes
        found = _Markup()
        found.feed(response.text)
        assert not found.inline_scripts and not found.handlers, (
            found.inline_scripts,
            found.handlers,
        )


class _Markup(HTMLParser):
    """The scripts without a source, the event-handler attributes, and the element tags."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        names = dict(attrs)
        self.links += [value or "" for name, value in attrs if name in ("href", "src", "action")]
        if tag == "script" and "src" not in names:
            self.inline_scripts += 1
        self.handlers += [name for name in names if name.startswith("on")]


class CheckedClient(TestClient):
    """A test client that checks the headers of every response it receives."""

    def request(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        response = super().request(*args, **kwargs)
        assert_safe(response)
        return response


@pytest.fixture(scope="module")
def client() -> Iterator[CheckedClient]:
    app = create_app(Settings(render_workers=2))
    with CheckedClient(app) as test_client:
        yield test_client


def summary_items(page: str) -> list[str]:
    box = re.search(r'class="error-summary-list">(.*?)</ul>', page, re.S)
    assert box, "no error summary on the page"
    return re.findall(r"<li>(.*?)</li>", box.group(1), re.S)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_there(client: CheckedClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert len(re.findall(r"<h1[ >]", response.text)) == 1
    # every control has a label or sits in a fieldset with a legend
    for control in re.findall(r'<(?:input|select|textarea)[^>]*\sid="([^"]+)"', response.text):
        assert f'for="{control}"' in response.text, control


def test_health_and_assets(client: CheckedClient) -> None:
    assert client.get("/healthz").text == "ok"
    css = client.get("/static/document.css").text
    assert ".doc-preview" in css and "@page" not in css
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "Page not found" in missing.text


@pytest.mark.parametrize("kind", document_kinds())
def test_every_document_kind_previews_and_downloads_markdown(
    client: CheckedClient, kind: str
) -> None:
    values = DOCUMENT_VALUES[kind]
    page = client.post(f"/documents/{kind}", data=values)
    assert page.status_code == 200, page.text
    assert 'class="doc-preview' in page.text
    from interview_prep.params import build_document

    # the preview is the library's own screen HTML for these values, not a copy
    document = build_document(kind, values)
    assert document.to_html(fragment=True, heading_offset=1).strip() in page.text
    markdown = client.post(f"/documents/{kind}", data={**values, "format": "md"})
    assert markdown.status_code == 200
    assert markdown.headers["content-disposition"] == f'attachment; filename="{kind}.md"'
    assert markdown.text == document.to_markdown()


@pytest.mark.slow
def test_prep_sheet_pdf_holds_the_nurse_questions(client: CheckedClient) -> None:
    import pdfplumber

    response = client.post("/documents/prep-sheet", data={**NURSE, "format": "pdf"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    words = " ".join(text.split())
    plan = ip.plan_interview("nurse", "college", 30)
    for planned in plan.questions[:3]:
        assert " ".join(planned.item.text.split())[:40] in words
    again = client.post("/documents/prep-sheet", data={**NURSE, "format": "pdf"})
    assert again.content == response.content  # the same request, from the cache


@pytest.mark.slow
def test_script_as_word_and_timeline_as_calendar(client: CheckedClient) -> None:
    import docx
    from icalendar import Calendar

    response = client.post("/documents/script", data={**NURSE, "format": "docx"})
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Registered Nurse" in text or "nurse" in text.lower()
    calendar = client.post(
        "/documents/timeline", data={**DOCUMENT_VALUES["timeline"], "format": "ics"}
    )
    assert calendar.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(calendar.content).walk("VEVENT")
    starts = {event.decoded("dtstart").isoformat()[:16] for event in events}
    assert "2026-03-14T15:30" in starts


@pytest.mark.parametrize("channel", ["email", "linkedin", "letter", "phone"])
@pytest.mark.parametrize("kind", LETTER_TITLES)
def test_every_letter_in_every_channel(client: CheckedClient, kind: str, channel: str) -> None:
    values = {**SENDER, **LETTER_EXTRA.get(kind, {}), "channel": channel}
    page = client.post(f"/letters/{kind}", data=values)
    assert page.status_code == 200, summary_items(page.text) if page.status_code == 422 else ""
    from interview_prep.params import build_letter

    made = build_letter(kind, values)
    if channel in ("email", "linkedin"):
        assert 'id="letter-text"' in page.text
        assert str(escape(made.text)) in page.text
        if channel == "linkedin":
            assert f'data-limit="{made.limit}"' in page.text
    text = client.post(f"/letters/{kind}", data={**values, "format": "txt"})
    assert text.status_code == 200 and text.text == made.text


@pytest.mark.slow
def test_printed_letter_as_pdf_and_word(client: CheckedClient) -> None:
    import docx
    import pdfplumber

    values = {**SENDER, "channel": "letter"}
    pdf = client.post("/letters/request", data={**values, "format": "pdf"})
    with pdfplumber.open(io.BytesIO(pdf.content)) as opened:
        assert "Dana Ortiz" in opened.pages[0].extract_text()
    word = client.post("/letters/request", data={**values, "format": "docx"})
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "Alex Kim" in text


def test_every_problem_is_listed_at_once_with_the_cli_message(client: CheckedClient) -> None:
    from click.testing import CliRunner

    from interview_prep.cli import main

    response = client.post(
        "/documents/prep-sheet", data={"field": "nurze", "stage": "colege", "minutes": "3000"}
    )
    assert response.status_code == 422
    items = summary_items(response.text)
    assert [re.search(r'href="#([^"]+)"', item).group(1) for item in items] == [  # type: ignore[union-attr]
        "field",
        "stage",
        "minutes",
    ]
    for field in ("field", "stage", "minutes"):
        assert f'id="{field}-error"' in response.text
        # the input (or the fieldset of a radio group) is described by its error
        assert re.search(rf'aria-describedby="[^"]*{field}-error', response.text)
    assert response.text.count("form-group-error") == 3
    cli = CliRunner().invoke(
        main, ["prep-sheet", "--field", "nurse", "--minutes", "3000", "-s", "college"]
    )
    message = next(line for line in cli.output.splitlines() if "3000" in line)
    message = message.split("error:", 1)[-1].split("Invalid value", 1)[-1].strip(" :")
    core = re.search(r"minutes must be from 10 to 120[^\n(]*", message)
    assert core
    shown = html.escape(core.group(0).strip(), quote=True)
    assert shown[:1].upper() + shown[1:] in response.text  # a page starts it with a capital
    as_json = client.post(
        "/documents/prep-sheet",
        data={"field": "nurze", "stage": "college"},
        headers={"accept": "application/json"},
    )
    problems = as_json.json()["problems"]
    assert as_json.status_code == 422 and problems[0]["field"] == "field"
    assert "Registered Nurse" in problems[0]["choices"] or problems[0]["choices"]


def test_missing_and_wrong_values(client: CheckedClient) -> None:
    empty = client.post("/documents/prep-sheet", data={})
    assert empty.status_code == 422 and len(summary_items(empty.text)) == 2
    bad_format = client.post("/documents/prep-sheet", data={**NURSE, "format": "exe"})
    assert bad_format.status_code == 422 and "format" in bad_format.text
    no_calendar = client.post("/documents/prep-sheet", data={**NURSE, "format": "ics"})
    assert no_calendar.status_code == 422
    compare_one = client.post("/documents/compare", data={**NURSE, "contact": "Dana"})
    assert compare_one.status_code == 422
    assert client.post("/documents/no-such-kind", data=NURSE).status_code == 404
    assert client.post("/letters/no-such-kind", data=SENDER).status_code == 404
    long = client.post("/documents/prep-sheet", data={**NURSE, "org": "x" * 5000})
    assert long.status_code == 422


def test_a_big_body_is_refused_with_413(client: CheckedClient) -> None:
    big = client.post("/documents/prep-sheet", data={**NURSE, "org": "x" * 100_000})
    assert big.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b"field=nurse&stage=college&org="
        for _ in range(40):
            yield b"y" * 4096

    streamed = client.post(
        "/documents/prep-sheet",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert streamed.status_code == 413


def test_a_full_pool_answers_503_with_retry_after() -> None:
    pool = RenderPool(1, queue=0)
    with CheckedClient(create_app(Settings(warm_up=False), pool=pool)) as client:
        with pool.admit():  # the only slot is taken
            busy = client.post("/documents/script", data={**NURSE, "format": "pdf"})
            assert busy.status_code == 503
            assert int(busy.headers["retry-after"]) >= 1
            preview = client.post("/documents/script", data=NURSE)
            assert preview.status_code == 200  # previews never wait for the pool
        assert pool.busy == 0


def test_a_render_over_its_time_limit_answers_503() -> None:
    from concurrent.futures import ThreadPoolExecutor

    pool = RenderPool(1, timeout=0.001, executor_factory=ThreadPoolExecutor)
    with CheckedClient(create_app(Settings(warm_up=False), pool=pool)) as client:
        slow = client.post("/documents/prep-sheet", data={**NURSE, "format": "docx"})
        assert slow.status_code == 503 and "longer than" in slow.text
        assert "retry-after" in slow.headers


def test_the_cache_is_bounded_and_serves_repeats() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from interview_prep.web.pool import ResultCache

    cache = ResultCache(entries=2, max_bytes=10)
    for key in "abc":
        cache.put(key, b"1234")
    assert len(cache) == 2 and cache.get("a") is None and cache.get("c") == b"1234"
    cache.put("d", b"x" * 11)
    assert cache.get("d") is None
    calls: list[int] = []

    def work(n: int) -> bytes:
        calls.append(n)
        return b"made"

    import asyncio

    pool = RenderPool(1, executor_factory=ThreadPoolExecutor)
    assert asyncio.run(pool.run("k", work, 1)) == b"made"
    assert asyncio.run(pool.run("k", work, 1)) == b"made"
    assert calls == [1]
    pool.close()


PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://example.invalid","x")',
    "[click](javascript:alert(1))",
    "{{ 7*7 }}",
)
TEXT_FIELDS = ("contact", "title", "org", "where", "school")
LETTER_FIELDS = (
    "from",
    "from-school",
    "to",
    "title",
    "org",
    "referral",
    "how-found",
    "availability",
)


def _no_raw_markup(text: str) -> None:
    """The payloads are text on the page: no element, link or handler came from them."""
    found = _Markup()
    found.feed(text)
    assert "img" not in found.tags
    assert found.tags.count("script") == 1  # the app's own, from /static/app.js
    assert not any(link.lower().startswith("javascript:") for link in found.links)


def _no_raw_markdown(text: str) -> None:
    """A Markdown viewer (CommonMark with HTML on) shows the payloads as text, never as
    elements or links."""
    from markdown_it import MarkdownIt

    shown = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    found = _Markup()
    found.feed(shown)
    assert not {"script", "img", "a"} & set(found.tags), found.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injected_text_is_escaped_everywhere(client: CheckedClient, payload: str) -> None:
    values = {**NURSE, **dict.fromkeys(TEXT_FIELDS, payload), "when": "2026-03-14T15:30"}
    page = client.post("/documents/prep-sheet", data=values)
    assert page.status_code == 200
    _no_raw_markup(page.text)
    if payload.startswith("{{"):
        assert payload in page.text  # shown as typed, never run as a template
    markdown = client.post("/documents/prep-sheet", data={**values, "format": "md"})
    _no_raw_markdown(markdown.text)
    letter = {**SENDER, **dict.fromkeys(LETTER_FIELDS, payload), "channel": "email"}
    for kind in ("request", "thank-you"):
        extra = {"learned": payload, "referred": [payload, payload]} if kind == "thank-you" else {}
        made = client.post(f"/letters/{kind}", data={**letter, **extra})
        assert made.status_code == 200, made.text
        _no_raw_markup(made.text)
        for fmt in ("md", "txt"):
            download = client.post(f"/letters/{kind}", data={**letter, **extra, "format": fmt})
            if fmt == "md":
                _no_raw_markdown(download.text)
            assert download.headers["content-type"].startswith(("text/markdown", "text/plain"))
    # a job the catalog lacks gets the nearest questions (or general ones), or a problem
    field = client.post("/documents/prep-sheet", data={**NURSE, "field": payload})
    assert field.status_code in (200, 422)
    _no_raw_markup(field.text)
    found = client.get("/questions", params={"field": payload})
    assert found.status_code in (200, 400)
    _no_raw_markup(found.text)


def test_field_suggestions(client: CheckedClient) -> None:
    found = client.get("/api/fields", params={"q": "nurse"}).json()
    assert found and {"id", "title", "kind"} <= set(found[0])
    assert any("Nurse" in match["title"] for match in found)
    assert client.get("/api/fields", params={"q": ""}).json() == []
    assert client.get("/api/fields", params={"q": "x" * 500}).status_code == 400


def test_logs_hold_paths_not_what_was_typed(
    client: CheckedClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="interview_prep.web"):
        client.get("/api/fields", params={"q": "Zelda Quinn"})
        client.post("/documents/prep-sheet", data={**NURSE, "contact": "Zelda Quinn"})
        client.post("/documents/prep-sheet", data={"field": "Zelda Quinn"})
    lines = [record.getMessage() for record in caplog.records]
    assert any(line.startswith("GET /api/fields 200") for line in lines)
    assert not any("Zelda" in line or "q=" in line for line in lines)


def _roster(rows: int, bad: tuple[int, ...] = ()) -> bytes:
    jobs = ("nurse", "electrician", "pharmacist", "accountant", "welder")
    lines = ["name,field,stage"]
    for n in range(1, rows + 1):
        field = "nurce" if n in bad else jobs[n % len(jobs)]  # near known jobs: an error
        lines.append(f"Student {n:02d},{field},high-school")
    return ("\n".join(lines) + "\n").encode()


def test_a_bad_row_is_reported_by_number_and_the_rest_are_made(client: CheckedClient) -> None:
    response = client.post(
        "/batch",
        files={"roster": ("class.csv", _roster(3, bad=(2,)), "text/csv")},
        data={"document": "script", "format": "md"},
    )
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert names == ["001-student-01.md", "003-student-03.md", "summary.txt"]
    summary = archive.read("summary.txt").decode()
    assert "row 3 (Student 02)" in summary and "/tmp" not in summary


def test_roster_problems_are_shown_on_the_page(client: CheckedClient) -> None:
    none = client.post("/batch", data={"document": "script"})
    assert none.status_code == 422 and 'href="#roster"' in none.text
    wrong = client.post("/batch", files={"roster": ("class.pdf", b"%PDF", "application/pdf")})
    assert wrong.status_code == 422
    columns = client.post("/batch", files={"roster": ("c.csv", b"nom,job\nA,nurse\n", "text/csv")})
    assert columns.status_code == 422 and "unknown column" in columns.text
    assert "roster." not in columns.text  # the server's temporary file is never named
    kind = client.post(
        "/batch",
        files={"roster": ("c.csv", _roster(1), "text/csv")},
        data={"document": "letter"},
    )
    assert kind.status_code == 422 and 'href="#document"' in kind.text


def test_the_roster_row_limit() -> None:
    with CheckedClient(create_app(Settings(max_rows=5, warm_up=False))) as client:
        response = client.post("/batch", files={"roster": ("c.csv", _roster(6), "text/csv")})
        assert response.status_code == 422 and "at most 5" in response.text


@pytest.mark.slow
def test_a_roster_of_25_gives_25_pdfs_and_the_combined_one(client: CheckedClient) -> None:
    import pdfplumber

    response = client.post(
        "/batch",
        files={"roster": ("class.csv", _roster(25), "text/csv")},
        data={"document": "prep-sheet", "format": "pdf"},
    )
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="prep-sheets.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    sheets = [n for n in archive.namelist() if re.fullmatch(r"\d{3}-student-\d\d\.pdf", n)]
    assert len(sheets) == 25
    combined = archive.read("all-prep-sheets.pdf")
    with pdfplumber.open(io.BytesIO(combined)) as pdf:
        assert len(pdf.pages) >= 25
    assert archive.read("summary.txt").decode().startswith("25 of 25 students done")


@pytest.mark.slow
def test_course_unit_download(client: CheckedClient) -> None:
    response = client.post(
        "/unit", data={"start": "2026-03-02", "weeks": "4", "course": "Careers 101"}
    )
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "imsmanifest.xml" in archive.namelist()
    bad = client.post("/unit", data={"weeks": "40", "field": "nurse"})
    assert bad.status_code == 422
    assert {"start", "weeks"} <= set(re.findall(r'href="#([^"]+)"', bad.text))


def test_personal_details_never_go_into_urls(client: CheckedClient) -> None:
    for path in PAGES:
        page = client.get(path).text
        for form in re.findall(r"<form[^>]*>", page):
            if 'method="get"' in form:
                assert 'action="/questions"' in form  # only the question browser, no names
            else:
                assert 'method="post"' in form


def test_json_problem_list_is_valid_json(client: CheckedClient) -> None:
    response = client.post(
        "/letters/request",
        data={"channel": "pigeon", "minutes": "1"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 422
    fields = {p["field"] for p in json.loads(response.text)["problems"]}
    assert {"channel", "minutes"} <= fields


def test_an_excel_roster_once_the_library_reads_one(client: CheckedClient) -> None:
    from interview_prep.batch import roster

    if not hasattr(roster, "parse_roster"):
        pytest.skip("the library does not read Excel rosters from bytes yet")
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for line in _roster(3).decode().splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        "/batch",
        files={"roster": ("class.xlsx", buffer.getvalue(), "application/octet-stream")},
        data={"document": "script", "format": "md"},
    )
    assert response.status_code == 200, response.text[:2000]
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sorted(names) == [
        "001-student-01.md",
        "002-student-02.md",
        "003-student-03.md",
        "summary.txt",
    ]
