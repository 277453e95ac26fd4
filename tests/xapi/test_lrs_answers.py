"""What the client makes of each kind of answer a server can give; a small fake server on 127.0.0.1 plays the
stores that are hard to get (no right to write, a moved address, a web page instead of an LRS)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from game.xapi.lrs import (
    LRS,
    BadAddress,
    Conflict,
    Credentials,
    Forbidden,
    NotAnLRS,
    Rejected,
    ServerError,
    endpoint_of,
)

STATEMENT = {"id": "3f1c7a4e-2b9d-4c51-9a0e-6d2f8b1c4e77", "context": {"registration": "x"}}


class Fake:
    def __init__(self):
        self.status, self.body, self.headers = 200, b"[]", {}
        self.seen: list[tuple[str, str, dict]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                self.rfile.read(length)
                fake.seen.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
                self.send_response(fake.status)
                for key, value in fake.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(fake.body)))
                self.end_headers()
                self.wfile.write(fake.body)

            do_POST = do_PUT = do_GET = _any

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/data/xAPI/"


@pytest.fixture
def fake():
    server = Fake()
    yield server
    server.server.shutdown()
    server.server.server_close()


def answer(fake: Fake, status: int, body: bytes = b"", **headers: str) -> None:
    fake.status, fake.body, fake.headers = status, body, headers


def test_a_batch_is_posted_with_the_xapi_version_and_basic_authentication(fake):
    answer(fake, 200, b'["3f1c7a4e-2b9d-4c51-9a0e-6d2f8b1c4e77"]')
    assert LRS(fake.url, Credentials("key", "secret")).post([STATEMENT]) == 1
    method, path, headers = fake.seen[0]
    assert (method, path) == ("POST", "/data/xAPI/statements")
    assert headers["x-experience-api-version"] == "1.0.3"
    assert headers["authorization"] == "Basic a2V5OnNlY3JldA=="


def test_no_right_to_write_is_forbidden(fake):
    answer(fake, 403)
    with pytest.raises(Forbidden):
        LRS(fake.url).post([STATEMENT])


def test_a_conflict_is_reported_as_such(fake):
    answer(fake, 409, b'{"detail": "exists"}')
    with pytest.raises(Conflict):
        LRS(fake.url).post([STATEMENT])


def test_a_statement_put_to_a_store_that_holds_its_id_counts_as_held(fake):
    answer(fake, 409)
    assert LRS(fake.url).put(STATEMENT) is False
    assert fake.seen[0][1] == f"/data/xAPI/statements?statementId={STATEMENT['id']}"


def test_a_refused_statement_says_what_the_store_said(fake):
    answer(fake, 400, b'{"detail": "Statements may not contain empty values"}')
    with pytest.raises(Rejected) as refused:
        LRS(fake.url).post([STATEMENT])
    assert refused.value.params["detail"] == "Statements may not contain empty values"


def test_a_gateway_error_is_a_server_error(fake):
    answer(fake, 502, b"<html>Bad gateway</html>")
    with pytest.raises(ServerError) as failed:
        LRS(fake.url).post([STATEMENT])
    assert failed.value.params["status"] == 502


def test_a_moved_address_is_not_followed_and_says_where_it_went(fake):
    answer(fake, 301, Location="https://lrs.example.org/xAPI/statements")
    with pytest.raises(NotAnLRS) as moved:
        LRS(fake.url).post([STATEMENT])
    assert "https://lrs.example.org/xAPI/statements" in moved.value.params["detail"]
    assert len(fake.seen) == 1


def test_a_web_page_that_answers_200_is_not_taken_for_a_store_that_stored(fake):
    answer(fake, 200, b"<html><body>Welcome</body></html>")
    with pytest.raises(NotAnLRS):
        LRS(fake.url).post([STATEMENT])


def test_a_store_that_answers_with_other_ids_is_not_believed(fake):
    answer(fake, 200, b'["00000000-0000-0000-0000-000000000000"]')
    with pytest.raises(NotAnLRS):
        LRS(fake.url).post([STATEMENT])


@pytest.mark.parametrize("address", ["https://LRS.example.org/xAPI/", "https://lrs.example.org/xAPI",
                                     "https://lrs.example.org/xAPI/statements",
                                     "https://user:pw@lrs.example.org/xAPI/statements/"])
def test_one_store_is_remembered_under_one_address(address):
    assert endpoint_of(address) == "https://lrs.example.org/xAPI"


@pytest.mark.parametrize("address", ["lrs.example.org/xAPI", "ftp://lrs.example.org/", "", "https://"])
def test_an_address_that_is_no_web_address_is_refused(address):
    with pytest.raises(BadAddress):
        endpoint_of(address)
