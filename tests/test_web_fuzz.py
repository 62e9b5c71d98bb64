"""The CLI fuzzer's idea applied to the routes: any form to any route gives a page or a
file, never a 500 (or a traceback)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from interview_prep.web import Settings, create_app
from interview_prep.web.controls import LETTER_TITLES, document_kinds

NAMES = (
    "field", "stage", "minutes", "mode", "seniority", "seed", "contact", "title", "org",
    "when", "where", "meeting-format", "hours", "debrief-minutes", "request-date", "meeting",
    "follow-up-after", "replied", "channel", "from", "from-school", "from-email", "from-phone",
    "to", "referral", "how-found", "availability", "follow-up-date", "learned", "news",
    "referred", "may-use-name", "linkedin", "start", "weeks", "course", "teacher", "shadow",
    "school", "paper", "format", "fragment", "heading-level", "logo", "css", "templates",
)  # fmt: skip
ROUTES = (
    *(f"/documents/{kind}" for kind in document_kinds()),
    *(f"/letters/{kind}" for kind in LETTER_TITLES),
    "/documents/Prep_Sheet",
    "/letters/../about",
    "/unit",
)
SAMPLES = (
    "nurse", "college", "30", "-1", "0", "99999999999999999999", "2026-03-14T15:30",
    "2026-02-30", "9999-01-01", "letter", "a4", "linkedin", "premium", "yes", "no", "html",
    "md", "txt", "ics", "pdf ", "HTML", "/etc/passwd", "../../etc/passwd", "nan", "1e9",
    "<script>", "=1+1", "\x00", "\ud7ff", "😀" * 50, " ", "Health Science", "video",
)  # fmt: skip
# the binary formats take a second each; they have their own tests
FAST_FORMATS = st.sampled_from(["html", "md", "txt", "ics", "HTML", "exe", ""])
VALUE = st.one_of(st.sampled_from(SAMPLES), st.text(max_size=40))


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(render_workers=1))) as test_client:
        yield test_client


@pytest.mark.slow
@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(ROUTES),
    form=st.lists(st.tuples(st.sampled_from(NAMES), VALUE), max_size=12),
    fmt=FAST_FORMATS,
)
def test_no_form_makes_a_server_error(
    client: TestClient, route: str, form: list[tuple[str, str]], fmt: str
) -> None:
    fields = [(name, value) for name, value in form if name != "format"] + [("format", fmt)]
    if route == "/unit":
        fields = [(n, v) for n, v in fields if n not in ("weeks",)]  # each unit is 4+ PDFs
        fields.append(("start", "not a date"))
    body = "&".join(f"{_quote(n)}={_quote(v)}" for n, v in fields)
    response = client.post(
        route, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code in (200, 404, 405, 413, 422), (route, fields, response.text[:500])
    assert "Traceback" not in response.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.text(max_size=60),
    path=st.sampled_from(["/api/fields", "/questions"]),
    name=st.sampled_from(["q", "field", "stage", "theme", "mode"]),
)
def test_no_query_makes_a_server_error(
    client: TestClient, query: str, path: str, name: str
) -> None:
    response = client.get(path, params={name: query})
    assert response.status_code in (200, 400), (path, name, query, response.text[:500])


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text.encode("utf-8", "surrogatepass"), safe="")
