"""The workshop host as a Starlette app: plays come in, the projector page and its live updates go out.

Routes (CODE is the workshop code; docs/room-protocol.md has the details):
- POST /w/CODE/plays             a game posts a play with its new turns; answered with what the host holds
- GET  /w/CODE/plays/UUID        what the host holds of one play
- GET  /w/CODE/hello             that this is the host of CODE (a game checks an address typed in Settings)
- GET  /w/CODE, /w/CODE/events   the projector page, and its live updates (server-sent events)
- GET  /w/CODE/trainer?token=T   the trainer's page (the token printed at start opens it; a cookie keeps it)
- POST /w/CODE/trainer/choices   names on the projector, what the projector shows
- GET  /w/CODE/trainer/report.html, /w/CODE/trainer/export.json   the day's report and the results so far
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

import segno
from sse_starlette import EventSourceResponse
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from game.assets import ASSETS
from game.installation import scenario_folders
from game.room import projector, trainer
from game.room.forwarder import Forwarder
from game.room.held import Room
from game.room.host_writer import JournalWriter, PlayIdTaken, Removed
from game.room.lan import Announcement
from game.room.lines import ScenarioLines
from game.room.live import Broadcast, Full
from game.room.protocol import CLIENT_HEADER, MOST_BYTES, TIMING_HEADER, VERSION, plays_path, room_path, same_code
from game.room.rate_limits import Limits
from game.workshop import page
from game.workshop.costs import room_costs
from game.workshop.group import gather
from game.workshop.incoming import Refused, check_post, parse
from game.workshop.journal import Journal
from game.workshop.transfer import FORMAT, FORMAT_VERSION, dump
from game.workshop.words import Words
from game.xapi.scenarios import ScenarioShelf

STATIC = Path(__file__).with_name("static")
COOKIE = "vooruitgang_trainer"
SECURITY = {
    # Nothing but the host's own script and style runs on the page, even if a trainee's text were not escaped.
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                               "form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@dataclass
class Host:
    """Everything one running host knows; `make_app(host)` serves it."""

    code: str
    journal: Path
    lang: str = "nl"
    address: str = "127.0.0.1"  # what trainees type; the QR code holds it
    port: int = 8765
    scenarios: list[Path] = field(default_factory=list)
    announce: bool = True
    limits: Limits = field(default_factory=Limits)
    forwarder: Forwarder | None = None  # to the organisation's LRS, when the trainer gave one

    def __post_init__(self) -> None:
        self.writer = JournalWriter(self.journal)
        self.journal = self.writer.path
        self.room = Room(self.code, file=self.writer.file_id)
        self.room.load(self.writer.held(self.code))
        self.lines = ScenarioLines(self.scenarios)
        self.shelf = ScenarioShelf([*self.scenarios, *scenario_folders()], played_paths=False)  # no path posted
        self.choices = trainer.load(trainer.choices_path(self.journal, self.code))
        self.broadcast: Broadcast | None = None
        self.words = projector.PageWords(self.lang)

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}"

    @property
    def room_url(self) -> str:
        return self.url + room_path(self.code)

    @property
    def trainer_url(self) -> str:
        return f"{self.room_url}/trainer?token={self.choices.token}"

    def draw(self, trainer_page: bool) -> dict:
        return {"sections": projector.render(self.room, self.lines, self.lang, self.choices.names, trainer_page),
                "focus": self.choices.focus, "names": self.choices.names, "turns": self.room.turns,
                "version": self.room.version}


def make_app(host: Host) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette):
        host.writer.start()
        if host.forwarder is not None:
            host.forwarder.start()
        host.broadcast = Broadcast(host.draw)
        drawing = asyncio.create_task(host.broadcast.run())
        announcement = await _announce(host)
        try:
            yield
        finally:
            drawing.cancel()
            if announcement:
                with contextlib.suppress(Exception):
                    await announcement.stop()
            await asyncio.to_thread(host.writer.stop)
            if host.forwarder is not None:
                await asyncio.to_thread(host.forwarder.stop)

    base = room_path("{code}")
    routes = [
        Route("/", lambda _: RedirectResponse(room_path(host.code), status_code=303)),
        Route(base, _projector_page(host)),
        Route(base + "/hello", _hello(host)),
        Route(base + "/events", _events(host, trainer_page=False)),
        Route(plays_path("{code}"), _post_play(host), methods=["POST"]),
        Route(plays_path("{code}") + "/{uuid}", _held_play(host)),
        Route(base + "/trainer", _trainer_page(host)),
        Route(base + "/trainer/events", _events(host, trainer_page=True)),
        Route(base + "/trainer/choices", _trainer_choices(host), methods=["POST"]),
        Route(base + "/trainer/report.html", _report(host)),
        Route(base + "/trainer/export.json", _export(host)),
        Mount("/static", StaticFiles(directory=STATIC)),
        Mount("/fonts", StaticFiles(directory=ASSETS / "fonts")),
    ]
    return SecureHeaders(Starlette(routes=routes, lifespan=lifespan))


async def _announce(host: Host) -> Announcement | None:
    if not host.announce:
        return None
    try:
        return await Announcement(host.code, host.address, host.port).start()
    except Exception as error:  # no multicast on this network (zeroconf's own errors too): trainees type the address
        print(host.words("host.announce_failed", reason=error), flush=True)
        return None


class SecureHeaders:
    """Every answer carries the headers that keep a trainee's text from running on the page."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(name, value) for name, value in message.get("headers", [])]
                headers += [(name.encode(), value.encode()) for name, value in SECURITY.items()]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, with_headers)

    def __getattr__(self, name):  # uvicorn and TestClient look at the app's attributes (state, router)
        return getattr(self.app, name)


# --- plays in -----------------------------------------------------------------------------

def _refuse(status: int, message: str, problems: list | None = None, headers: dict | None = None) -> JSONResponse:
    body = {"error": message, "v": VERSION}
    if problems:
        body["problems"] = [str(problem) for problem in problems]
    return JSONResponse(body, status_code=status, headers=headers)


def _post_play(host: Host):
    async def post(request: Request) -> Response:
        started = time.perf_counter()
        words = host.words
        client = request.client.host if request.client else "?"
        wait = host.limits.wait(client, request.headers.get(CLIENT_HEADER, ""))
        if wait:
            seconds = math.ceil(wait)
            return _refuse(429, words("refused.busy", seconds=seconds), headers={"retry-after": str(seconds)})
        code = request.path_params["code"]
        if not same_code(code, host.code):
            return _refuse(404, words("refused.no_workshop", code=code[:40]))
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return _refuse(415, words("refused.not_json"))
        body = await _body(request)
        if body is None:
            return _refuse(413, words("refused.too_large", size=MOST_BYTES))
        try:
            play = check_post(parse(body, "post"), host.code)
        except Refused as refused:
            return _refuse(400, str(refused.problems[0]), refused.problems)
        play = {**play, "workshop": host.code, "notes": []}
        try:
            await asyncio.wrap_future(host.writer.submit(play))
        except PlayIdTaken:
            return _refuse(409, words("refused.conflict", play=play["uuid"]))
        except Removed:
            return _refuse(410, words("refused.removed", play=play["uuid"]))
        except Exception:  # the disk: full, or held by another program; the game tries again
            return _refuse(503, words("refused.disk"), headers={"retry-after": "2"})
        ack = host.room.absorb(play)
        if ack.added or ack.finished:
            host.broadcast.changed()
            if host.forwarder is not None:
                host.forwarder.arrived([play["uuid"]])  # off this request: the forwarder has its own thread
        took = (time.perf_counter() - started) * 1000
        return JSONResponse(ack.as_json(), headers={TIMING_HEADER: f"host;dur={took:.2f}"})

    return post


async def _body(request: Request) -> bytes | None:
    """The body, or None as soon as it is longer than a post may be (however it was sent)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MOST_BYTES:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MOST_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _held_play(host: Host):
    async def held(request: Request) -> Response:
        if not same_code(request.path_params["code"], host.code):
            return _refuse(404, host.words("refused.no_workshop", code=request.path_params["code"][:40]))
        ack = host.room.held(request.path_params["uuid"])
        if ack is None:
            return _refuse(404, host.words("refused.unknown_play", play=request.path_params["uuid"][:40]))
        return JSONResponse(ack.as_json())

    return held


def _hello(host: Host):
    async def hello(request: Request) -> Response:
        if not same_code(request.path_params["code"], host.code):
            return _refuse(404, host.words("refused.no_workshop", code=request.path_params["code"][:40]))
        return JSONResponse({"code": host.code, "v": VERSION, "plays": plays_path(host.code), "file": host.room.file})

    return hello


# --- pages out ----------------------------------------------------------------------------

def _events(host: Host, trainer_page: bool):
    async def events(request: Request) -> Response:
        if not same_code(request.path_params["code"], host.code):
            return Response(status_code=404)
        if trainer_page and not _is_trainer(host, request):
            return Response(status_code=403)
        try:
            drawings = host.broadcast.follow(trainer_page)
            first = await drawings.__anext__()
        except Full:
            return Response(status_code=503, headers={"retry-after": "10"})

        async def stream():
            yield {"data": first}
            async for drawing in drawings:
                yield {"data": drawing}

        return EventSourceResponse(stream(), ping=15, headers={"cache-control": "no-store"})

    return events


def _projector_page(host: Host):
    async def projector_page(request: Request) -> Response:
        if not same_code(request.path_params["code"], host.code):
            return HTMLResponse(projector.e(host.words("refused.no_workshop", code=request.path_params["code"][:40])),
                                status_code=404)
        return HTMLResponse(_page(host, trainer_page=False), headers={"cache-control": "no-store"})

    return projector_page


def _trainer_page(host: Host):
    async def trainer_page(request: Request) -> Response:
        if not same_code(request.path_params["code"], host.code):
            return Response(status_code=404)
        token = request.query_params.get("token")
        if token is not None:
            if not host.choices.opens(token):
                return HTMLResponse(projector.e(host.words("trainer.wrong_token")), status_code=403)
            # the token leaves the address bar (which may be on the projector) for a cookie
            answer = RedirectResponse(request.url.path, status_code=303)
            answer.set_cookie(COOKIE, token, httponly=True, samesite="strict", path=room_path(host.code))
            return answer
        if not _is_trainer(host, request):
            return HTMLResponse(projector.e(host.words("trainer.wrong_token")), status_code=403)
        return HTMLResponse(_page(host, trainer_page=True), headers={"cache-control": "no-store"})

    return trainer_page


def _is_trainer(host: Host, request: Request) -> bool:
    return host.choices.opens(request.cookies.get(COOKIE))


def _trainer_choices(host: Host):
    async def choose(request: Request) -> Response:
        if not same_code(request.path_params["code"], host.code) or not _is_trainer(host, request):
            return Response(status_code=403)
        origin = request.headers.get("origin")
        if origin and origin.split("://")[-1] != request.headers.get("host"):
            return Response(status_code=403)  # another site's page may not switch names on
        try:
            wanted = json.loads(await request.body())
        except ValueError:
            return Response(status_code=400)
        if not isinstance(wanted, dict):
            return Response(status_code=400)
        if isinstance(wanted.get("names"), bool):
            host.choices.names = wanted["names"]
        if wanted.get("focus") in trainer.FOCUSES:
            host.choices.focus = wanted["focus"]
        await asyncio.to_thread(trainer.save, trainer.choices_path(host.journal, host.code), host.choices)
        host.broadcast.changed()
        return JSONResponse({"names": host.choices.names, "focus": host.choices.focus})

    return choose


def _report(host: Host):
    async def report(request: Request) -> Response:
        if not _is_trainer(host, request):
            return Response(status_code=403)
        words = Words(host.lang)
        records = host.room.records()
        # The same weeks replayed: file reads and a few milliseconds a game, off the loop that serves the room.
        costs = await asyncio.to_thread(room_costs, records, lambda record: host.shelf.scenario(
            record.scenario_key, record.scenario_version))
        group = gather(records, host.code, anonymous=not host.choices.names, trainee_word=words("anonymous"),
                       costs=costs)
        return HTMLResponse(page.render(group, words, anonymous=not host.choices.names))

    return report


def _export(host: Host):
    async def export(request: Request) -> Response:
        if not _is_trainer(host, request):
            return Response(status_code=403)
        plays = await asyncio.to_thread(_read_workshop, host.journal, host.code)
        document = {"format": FORMAT, "version": FORMAT_VERSION, "exported": time.time(), "plays": plays}
        return JSONResponse(document, headers={
            "content-disposition": f"attachment; filename=workshop-{host.code}.json"})

    return export


def _read_workshop(path: Path, code: str) -> list[dict]:
    """What `export --workshop CODE` would write, read on a connection of its own beside the writer's."""
    with Journal.open(path) as journal:
        return dump(journal, code)


def _page(host: Host, trainer_page: bool) -> str:
    words, e = host.words, projector.e
    drawing = host.draw(trainer_page)
    sections = drawing["sections"]
    events = f"{room_path(host.code)}{'/trainer' if trainer_page else ''}/events"
    qr = segno.make(host.room_url, error="m").svg_inline(scale=1, border=2, omitsize=True, dark="#000",
                                                         light="#fff")

    def section(name: str, extra: str = "") -> str:
        return (f"<section id=s-{name} class='part {name}-part'{extra}><h2>{e(words(f'section.{name}'))}</h2>"
                f"<p class=hint>{e(words(f'section.{name}_hint'))}</p><div id={name}>{sections[name]}</div></section>")

    controls = _controls(host, sections) if trainer_page else ""
    return (
        f"<!DOCTYPE html>\n<html lang={host.lang}><head><meta charset=utf-8>"
        f"<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{e(words('title', code=host.code))}</title>"
        f"<link rel=stylesheet href='/static/room.css'><script src='/static/room.js' defer></script></head>\n"
        f"<body data-events='{e(events)}' data-focus={e(drawing['focus'])}"
        f"{' data-trainer' if trainer_page else ''}>\n"
        f"<header><div class=join><p class=invite>{e(words('join'))}</p><h1 class=code>{e(host.code)}</h1>"
        f"<p class=address>{e(words('join_address', address=host.url))}</p>"
        f"<p class=summary><span id=summary>{sections['summary']}</span> "
        f"<span id=connection data-live='{e(words('live'))}' data-offline='{e(words('offline'))}'></span></p></div>"
        f"<div class=qr>{qr}</div></header>\n{controls}<main>\n"
        f"{section('agenda')}\n{section('where')}\n{section('outcomes')}\n{section('choices')}\n"
        f"</main></body></html>\n")


def _controls(host: Host, sections: dict) -> str:
    words, e = host.words, projector.e
    base = room_path(host.code)
    names = (f"<button data-choice=names data-value=true>{e(words('trainer.names_on'))}</button>"
             f"<button data-choice=names data-value=false>{e(words('trainer.names_off'))}</button>")
    focus = (f"<button data-choice=focus data-value=room>{e(words('trainer.focus_room'))}</button>"
             f"<button data-choice=focus data-value=agenda>{e(words('trainer.focus_agenda'))}</button>")
    return (f"<aside id=controls data-choices='{base}/trainer/choices' data-names={str(host.choices.names).lower()}>"
            f"<h2>{e(words('trainer.title', code=host.code))}</h2>"
            f"<p>{e(words('trainer.names'))}: {names}</p><p>{e(words('trainer.focus'))}: {focus}</p>"
            f"<p><a href='{base}' target=_blank>{e(words('trainer.projector'))}</a> · "
            f"<a href='{base}/trainer/report.html'>{e(words('trainer.report'))}</a> · "
            f"<a href='{base}/trainer/export.json'>{e(words('trainer.export'))}</a></p>"
            f"<h3>{e(words('trainer.trainees'))}</h3><div id=trainees>{sections['trainees']}</div>"
            f"</aside>\n")
