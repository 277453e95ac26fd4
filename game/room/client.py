"""Posting plays to the workshop host, as a game does (and `simulate --host`, and the benchmark).

One keep-alive connection per client; any failure closes it, and the next post opens a new one.
What went wrong says what to do: `Unreachable` and `Busy` -> try again later (`Backoff` says when),
`Refused` -> the host will never take this post as it is, `NotTheHost` -> the address is not this
workshop's host.
"""

from __future__ import annotations

import http.client
import json
import random
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from game.room.protocol import CLIENT_HEADER, TIMING_HEADER, Ack, plays_path, room_path, same_code


class Unreachable(Exception):
    """No answer: the network, a host restarting, a host gone. Try again later."""


class Busy(Exception):
    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"busy, try again in {seconds:g} s")


class Refused(Exception):
    """The host will never take this post as it is (a field that is not right, another trainee's play id)."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(f"{status}: {message}")


class NotTheHost(Exception):
    """Something answers at the address, but it is not the host of this workshop (another code, another program)."""


@dataclass(frozen=True)
class Hello:
    code: str  # as the trainer spelled it
    file: str  # the id of the host's results file


@dataclass
class Timing:
    """How long the last post took: as the client saw it, and as the host reported it."""

    seen: float = 0.0
    host: float = 0.0


class RoomClient:
    def __init__(self, url: str, code: str, timeout: float = 5.0, client_id: str | None = None):
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"not a host address: {url}")
        self.hostname, self.port = parts.hostname, parts.port or 80
        self.code = code
        self.timeout = timeout
        self.client_id = client_id or uuid.uuid4().hex
        self.timing = Timing()
        self._connection: http.client.HTTPConnection | None = None

    def post(self, play: dict) -> Ack:
        body = json.dumps(play, ensure_ascii=False).encode("utf-8")
        status, answer, headers = self._request("POST", plays_path(self.code), body)
        if status == 200:
            self.timing.host = _host_time(headers.get(TIMING_HEADER, ""))
            return Ack.from_json(answer)
        if status == 429:
            raise Busy(float(headers.get("retry-after", "1") or 1))
        if status in (502, 503, 504):
            raise Unreachable(f"{status}: {answer.get('error', '')}")
        raise Refused(status, str(answer.get("error", "")))

    def hello(self) -> Hello:
        """Check that the address is the host of this workshop: its code as the trainer spells it, and the id of
        its results file."""
        status, answer, _ = self._request("GET", f"{room_path(self.code)}/hello", None)
        if status != 200 or not same_code(str(answer.get("code", "")), self.code):
            raise NotTheHost(f"{status}: {answer.get('error', 'not a workshop host')}")
        return Hello(str(answer["code"]), str(answer.get("file", "")))

    def held(self, play_uuid: str) -> Ack | None:
        status, answer, _ = self._request("GET", f"{plays_path(self.code)}/{play_uuid}", None)
        return Ack.from_json(answer) if status == 200 else None

    def close(self) -> None:
        if self._connection:
            self._connection.close()
            self._connection = None

    def _request(self, method: str, path: str, body: bytes | None) -> tuple[int, dict, dict]:
        headers = {CLIENT_HEADER: self.client_id}
        if body is not None:
            headers["content-type"] = "application/json"
        started = time.perf_counter()
        try:
            if self._connection is None:
                self._connection = http.client.HTTPConnection(self.hostname, self.port, timeout=self.timeout)
            self._connection.request(method, path, body=body, headers=headers)
            response = self._connection.getresponse()
            raw = response.read()
            answer_headers = {name.lower(): value for name, value in response.getheaders()}
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise Unreachable(str(error) or type(error).__name__) from error
        self.timing.seen = time.perf_counter() - started
        if answer_headers.get("connection", "").lower() == "close":
            self.close()
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = {}
        return response.status, answer if isinstance(answer, dict) else {}, answer_headers


def _host_time(header: str) -> float:
    """Seconds from 'host;dur=1.23' (milliseconds)."""
    for part in header.split(";"):
        if part.strip().startswith("dur="):
            try:
                return float(part.strip()[4:]) / 1000
            except ValueError:
                return 0.0
    return 0.0


@dataclass
class Backoff:
    """When to try again after a failure: doubling from `first` up to `longest`, with jitter so a room of
    games that lost the host together does not come back at the same instant."""

    first: float = 0.5
    longest: float = 15.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def failed(self, at_least: float = 0.0) -> float:
        """The seconds to wait now."""
        self.failures += 1
        delay = min(self.longest, self.first * 2 ** (self.failures - 1))
        return max(at_least, delay * self.rng.uniform(0.5, 1.0))

    def succeeded(self) -> None:
        self.failures = 0
