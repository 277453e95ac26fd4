"""`host [--workshop CODE] [--port N]`: host the workshop room on this laptop.

Games in the room post their turns to it as they play; its page, on the projector, shows how the room
chose. It prints (and its page shows) the address and the workshop code, with a QR code, and the
trainer's own page with its token. Results go into a results file like any other (`--db`), so
`report`, `export` and `sync` work on it afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import socket
import sys
from pathlib import Path

from game.room.protocol import DEFAULT_PORT, is_code, new_code
from game.text import LANGUAGES, say
from game.workshop.journal import JournalError, default_path
from game.workshop.words import Words


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("host", help="host the workshop room: games report live, the projector shows it")
    command.add_argument("--workshop", metavar="CODE", help="the workshop code (default: a new one, as ABC-123)")
    command.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port to listen on ({DEFAULT_PORT})")
    command.add_argument("--bind", metavar="ADDRESS", default="0.0.0.0",
                         help="the address to listen on (default: every network of this laptop)")
    command.add_argument("--address", metavar="ADDRESS",
                         help="the address trainees type, in the QR code (default: this laptop's on the LAN)")
    command.add_argument("--db", metavar="PATH", help="the results file (default: this computer's)")
    command.add_argument("--scenarios", metavar="FOLDER", action="append", default=[],
                         help="where the trainer's scenario files are, besides the usual places (repeatable)")
    command.add_argument("--no-announce", action="store_true", help="do not announce the host on the network")
    command.add_argument("--lang", choices=LANGUAGES, help="the page's language (default: this computer's)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import segno  # the host's libraries load only when a host starts
    import uvicorn

    from game.room.lan import lan_address
    from game.room.server import Host, make_app

    lang = args.lang or _settings_language()

    def words(key: str, **params: object) -> str:
        return say(lang, f"room.host.{key}", **params)

    code = (args.workshop or new_code()).strip()
    if not is_code(code):
        print(words("bad_code", code=code), file=sys.stderr)
        return 2
    try:
        listening = _listen(args.bind, args.port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(words("port_taken", port=args.port), file=sys.stderr)
        else:
            print(f"{args.bind}:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    address = args.address or (args.bind if args.bind not in ("0.0.0.0", "") else lan_address())
    try:
        host = Host(code, Path(args.db) if args.db else default_path(), lang, address, args.port,
                    [Path(folder) for folder in args.scenarios], announce=not args.no_announce)
    except JournalError as error:
        print(Words(lang)(error.key.removeprefix("report."), **error.params), file=sys.stderr)
        listening.close()
        return 2
    print(words("started", code=code))
    print(words("address", code=code, address=host.url))
    segno.make(host.room_url, error="m").terminal(compact=True)
    print(words("projector", url=host.room_url))
    print(words("trainer", url=host.trainer_url))
    print(words("journal", path=host.journal, code=code))
    print(words("stop"), flush=True)
    config = uvicorn.Config(make_app(host), log_level="warning", access_log=False, timeout_keep_alive=30,
                            limit_concurrency=2000, lifespan="on")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(uvicorn.Server(config).serve(sockets=[listening]))
    print(words("stopped", plays=len(host.room.plays), turns=host.room.turns, path=host.journal))
    return 0


def _listen(bind: str, port: int) -> socket.socket:
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listening.bind((bind, port))
    listening.listen(2048)
    listening.set_inheritable(True)
    return listening


def _settings_language() -> str:
    from game.settings import load_settings

    return load_settings().language
