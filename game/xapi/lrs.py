"""A learning record store's statement resource over HTTP, with the standard library's urllib.

Every way a store can fail becomes an `LRSError` whose `key` names a one-line message (assets/text/*/xapi.yaml):
down, wrong password, no right to write, a server error, too slow, statements refused, or an address that is
no LRS at all. `post` returns only when the store has answered that it holds the whole batch.
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

XAPI_VERSION = "1.0.3"
USER_AGENT = "Vooruitgang (xAPI)"


class LRSError(Exception):
    """Why the store did not take the statements; `key` and `params` give the message (xapi.yaml)."""

    key = "lrs.down"

    def __init__(self, **params: object):
        self.params = params
        super().__init__(f"{self.key}: {params}")


class Unreachable(LRSError):
    key = "lrs.down"


class TooSlow(LRSError):
    key = "lrs.slow"


class WrongCredentials(LRSError):
    key = "lrs.credentials"


class Forbidden(LRSError):
    key = "lrs.forbidden"


class ServerError(LRSError):
    key = "lrs.server"


class Rejected(LRSError):
    key = "lrs.rejected"


class NotAnLRS(LRSError):
    key = "lrs.not_lrs"


class Conflict(LRSError):
    """409: the store already holds a statement with one of these ids. Not an error for a sync."""

    key = "lrs.conflict"


class BadAddress(ValueError):
    pass


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def endpoint_of(address: str) -> str:
    """The store's xAPI endpoint without a trailing slash or 'statements', user or password: how it is remembered.

    'https://lrs.example.org/xAPI/', '.../xAPI' and '.../xAPI/statements' are one store.
    """
    parts = urlsplit(address.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadAddress(address)
    path = parts.path.rstrip("/")
    path = path.removesuffix("/statements") if path.lower().endswith("/statements") else path
    host = parts.hostname.lower() + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme.lower(), host, path, "", ""))


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect of a POST as a GET, and a GET of statements also answers 200."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


class LRS:
    def __init__(self, address: str, credentials: Credentials | None = None, timeout: float = 30.0):
        self.endpoint = endpoint_of(address)
        self.credentials = credentials
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"LRS({self.endpoint!r})"

    @property
    def statements_url(self) -> str:
        return f"{self.endpoint}/statements"

    def post(self, statements: list[dict]) -> int:
        """Store a batch; returns once the store holds all of it, with how many it says it stored now.

        Conflict when the store refuses the batch because it holds one of the ids already.
        """
        status, body = self._send("POST", self.statements_url, statements)
        if status == 204:  # everything was there already (Ralph answers so)
            return 0
        ids = _json(body)
        ours = {statement["id"] for statement in statements}
        if status != 200 or not isinstance(ids, list) or not set(map(str, ids)) <= ours:
            raise NotAnLRS(lrs=self.endpoint, detail=f"{status}, {_snippet(body)}")
        return len(set(map(str, ids)))  # all of them, or (Ralph) only those it did not hold yet

    def put(self, statement: dict) -> bool:
        """Store one statement under its id. True when stored now, False when the store held that id already."""
        url = f"{self.statements_url}?statementId={statement['id']}"
        try:
            status, body = self._send("PUT", url, statement)
        except Conflict:
            return False
        if status not in (200, 204):
            raise NotAnLRS(lrs=self.endpoint, detail=f"{status}, {_snippet(body)}")
        return True

    def check(self) -> None:
        """Raise the LRSError a sync would meet: for a sync with nothing to send, which would not find out.

        A key that may write statements but not read them is answered 403: the store knows it, which is all
        a sync needs.
        """
        try:
            self.get(limit="1")
        except Forbidden:
            return

    def get(self, **params: str) -> dict:
        """A statement query (used to look at what the store holds)."""
        query = "&".join(f"{key}={urllib.request.quote(str(value))}" for key, value in params.items())
        status, body = self._send("GET", self.statements_url + (f"?{query}" if query else ""), None)
        found = _json(body)
        if status != 200 or not isinstance(found, dict):
            raise NotAnLRS(lrs=self.endpoint, detail=f"{status}, {_snippet(body)}")
        return found

    def _send(self, method: str, url: str, payload: object) -> tuple[int, bytes]:
        headers = {"X-Experience-API-Version": XAPI_VERSION, "User-Agent": USER_AGENT}
        data = None
        if payload is not None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self.credentials:
            headers["Authorization"] = self.credentials.header()
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            raise self._refusal(error) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise TooSlow(lrs=self.endpoint, seconds=f"{self.timeout:g}") from None
            raise Unreachable(lrs=self.endpoint, reason=_reason(error.reason)) from None
        except TimeoutError:
            raise TooSlow(lrs=self.endpoint, seconds=f"{self.timeout:g}") from None
        except (http.client.HTTPException, OSError) as error:  # the store went away mid-answer
            raise Unreachable(lrs=self.endpoint, reason=_reason(error)) from None

    def _refusal(self, error: urllib.error.HTTPError) -> LRSError:
        try:
            body = error.read()
        except (OSError, http.client.HTTPException):
            body = b""
        status = error.code
        if status == 401:
            return WrongCredentials(lrs=self.endpoint)
        if status == 403:
            return Forbidden(lrs=self.endpoint)
        if status == 409:
            return Conflict(lrs=self.endpoint)
        if status >= 500:
            return ServerError(lrs=self.endpoint, status=status)
        if status in (301, 302, 303, 307, 308):
            return NotAnLRS(lrs=self.endpoint, detail=f"{status}, moved to {error.headers.get('Location', '?')}")
        if status in (404, 405):
            return NotAnLRS(lrs=self.endpoint, detail=f"{status}")
        return Rejected(lrs=self.endpoint, status=status, detail=_detail(body))


def _json(body: bytes) -> object:
    try:
        return json.loads(body) if body else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _detail(body: bytes) -> str:
    """What the store said about a refused request, short: its 'detail' or 'message', else the start of it."""
    found = _json(body)
    if isinstance(found, dict):
        found = found.get("detail") or found.get("message") or found.get("error") or found
    return _snippet(json.dumps(found, ensure_ascii=False) if not isinstance(found, str) else found)


def _snippet(text: bytes | str, size: int = 160) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    line = " ".join(text.split())
    return line if len(line) <= size else line[: size - 1] + "…"


# Why a store could not be reached, as keys of the messages (xapi.yaml: xapi.reason.*).
REFUSED, UNKNOWN_HOST, CLOSED = "reason.refused", "reason.unknown_host", "reason.closed"


def _reason(reason: object) -> str:
    """A key for the usual reasons; the system's own words for the rest, without Python's error class names."""
    if isinstance(reason, ConnectionRefusedError):
        return REFUSED
    if isinstance(reason, socket.gaierror):
        return UNKNOWN_HOST
    if isinstance(reason, ConnectionResetError | http.client.RemoteDisconnected | ConnectionAbortedError):
        return CLOSED
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return _snippet(str(reason)) or CLOSED
