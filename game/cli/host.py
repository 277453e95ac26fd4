"""`host [--workshop CODE] [--port N]`: host the workshop room on this laptop.

Games in the room post their turns to it as they play; its page, on the projector, shows how the room
chose. It prints (and its page shows) the address and the workshop code, with a QR code, and the
trainer's own page with its token. Results go into a results file like any other (`--db`), so
`report`, `export` and `sync` work on it afterwards. With `--lrs URL` (and the store's user name and password,
given as to `sync`) the host also forwards the results to the organisation's learning record store as they
come in.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import socket
import sys
from pathlib import Path

from game.cli.sync import add_credential_options
from game.installation import console_program, pasteable
from game.room.protocol import DEFAULT_PORT, is_code, new_code
from game.text import LANGUAGES, say
from game.workshop.journal import JournalError, default_path
from game.workshop.words import Words
from game.xapi.vocabulary import TRAINEES_HOME


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
    command.add_argument("--lrs", metavar="URL",
                         help="forward the results to this learning record store (xAPI) as they come in")
    add_credential_options(command)
    command.add_argument("--anonymous", action="store_true",
                         help="with --lrs: each trainee under a pseudonym instead of the name")
    command.add_argument("--home-page", metavar="URL", default=TRAINEES_HOME,
                         help="with --lrs: the system the trainees' names belong to, e.g. your LMS")
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
    lrs = _lrs(args, lang) if args.lrs else None
    if args.lrs and lrs is None:
        listening.close()
        return 2
    address = args.address or (args.bind if args.bind not in ("0.0.0.0", "") else lan_address())
    try:
        host = Host(code, Path(args.db) if args.db else default_path(), lang, address, args.port,
                    [Path(folder) for folder in args.scenarios], announce=not args.no_announce)
    except JournalError as error:
        print(Words(lang)(error.key.removeprefix("report."), **error.params), file=sys.stderr)
        listening.close()
        return 2
    if lrs is not None:
        host.forwarder = _forwarder(host, lrs, args, lang)
    print(words("started", code=code))
    print(words("address", code=code, address=host.url))
    segno.make(host.room_url, error="m").terminal(compact=True)
    print(words("projector", url=host.room_url))
    print(words("trainer", url=host.trainer_url))
    print(words("journal", path=host.journal))
    print(_report_command(host.journal, code))
    if lrs is not None:
        print(words("lrs", lrs=lrs.endpoint))
    print(words("stop"), flush=True)
    config = uvicorn.Config(make_app(host), log_level="warning", access_log=False, timeout_keep_alive=30,
                            limit_concurrency=2000, lifespan="on")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(uvicorn.Server(config).serve(sockets=[listening]))
    print(words("stopped", plays=len(host.room.plays), turns=host.room.turns, path=host.journal))
    print(_report_command(host.journal, code))
    if host.forwarder is not None:
        print(words("lrs_stored", stored=host.forwarder.stored, lrs=lrs.endpoint))
        if host.forwarder.waiting:
            print(words("lrs_left", program=console_program(), lrs=lrs.endpoint, path=pasteable(host.journal),
                        code=code))
    return 0


def _report_command(journal: Path, code: str) -> str:
    """The day's report as the trainer pastes it, the same as in the README's workshop section."""
    return (f"{console_program()} report --db {pasteable(journal)} --workshop {code} --html {code.lower()}.html"
            " --anonymous")


def _lrs(args: argparse.Namespace, lang: str):
    """The store to forward to, with its credentials; None after saying what is wrong."""
    from game.cli.sync import Say, credentials_for
    from game.xapi.lrs import LRS, BadAddress

    text = Say(lang)
    try:
        lrs = LRS(args.lrs)
    except BadAddress:
        print(text("bad_address", lrs=args.lrs), file=sys.stderr)
        return None
    if not args.home_page.startswith(("http://", "https://")):
        print(text("bad_home_page", home_page=args.home_page), file=sys.stderr)
        return None
    lrs.credentials = credentials_for(args, lrs, text)
    return lrs if lrs.credentials is not None else None


def _forwarder(host, lrs, args: argparse.Namespace, lang: str):
    from game.cli.sync import Say, problem_line
    from game.installation import scenario_folders
    from game.room.forwarder import Forwarder
    from game.xapi.scenarios import ScenarioShelf
    from game.xapi.trainees import Trainees

    def tell(problem) -> None:
        line = say(lang, "room.host.lrs_again", lrs=lrs.endpoint) if problem is None else \
            say(lang, "room.host.lrs_failing", problem=problem_line(problem, Say(lang)))
        print(line, flush=True)

    shelf = ScenarioShelf([*args.scenarios, *scenario_folders()], played_paths=False)  # no path a trainee posted
    return Forwarder(host.journal, host.code, lrs, shelf, Trainees(args.home_page, args.anonymous), tell)


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
