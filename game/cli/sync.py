"""`sync --lrs URL`: send the results to the organisation's learning record store as xAPI statements.

Only what this store does not hold yet is sent, in batches; what it stored is remembered in the results
file, so a repeat sends nothing and a sync that stopped is completed by the next. `export --xapi FILE`
writes the same statements to a file, one per line. See docs/xapi.md.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from game.text import LANGUAGES, say
from game.workshop.journal import Journal
from game.workshop.opening import open_for_command, refused_as_output
from game.workshop.transfer import write_whole
from game.workshop.words import Words
from game.xapi.credentials import PASSWORD_VARIABLE, CredentialsProblem, credentials_from, readable_by_others
from game.xapi.delivery import BATCH, Delivered, deliver
from game.xapi.lrs import LRS, BadAddress, Credentials, LRSError
from game.xapi.outbox import Collected, collect
from game.xapi.scenarios import ScenarioShelf
from game.xapi.trainees import Trainees
from game.xapi.vocabulary import TRAINEES_HOME


@dataclass(frozen=True)
class Say:
    lang: str

    def __call__(self, key: str, **params: object) -> str:
        return say(self.lang, f"xapi.{key}", **params)


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("sync", help="send the results to the organisation's learning record store (xAPI)")
    command.add_argument("--lrs", metavar="URL", required=True,
                         help="the store's xAPI address, e.g. https://lrs.example.org/xAPI/")
    add_credential_options(command)
    add_statement_options(command)
    command.add_argument("--batch", type=int, default=BATCH, metavar="N", help=f"statements per request ({BATCH})")
    command.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                         help="how long to wait for an answer (30)")
    command.set_defaults(run=run)


def add_credential_options(command: argparse.ArgumentParser) -> None:
    """How the store's user name and password are given, shared by `sync` and `host --lrs`."""
    command.add_argument("--user", metavar="NAME", help="the store's user name (or key)")
    command.add_argument("--password", metavar="SECRET",
                         help="its password (or secret); safer: --credentials FILE or VOORUITGANG_LRS_PASSWORD")
    command.add_argument("--credentials", metavar="FILE", help='a file with user = "..." and password = "..."')


def add_statement_options(command: argparse.ArgumentParser, only: str = "") -> None:
    """What decides the statements, shared by `sync` and `export --xapi` (`only`: 'with --xapi: ')."""
    command.add_argument("--db", metavar="PATH", help="the results file (default: this computer's)")
    command.add_argument("--workshop", metavar="CODE", help="only this workshop")
    command.add_argument("--anonymous", action="store_true",
                         help=f"{only}each trainee under a pseudonym instead of the name (kept in the results file)")
    command.add_argument("--home-page", metavar="URL", default=TRAINEES_HOME,
                         help=f"{only}the system the trainees' names belong to, e.g. your LMS (default: the game's)")
    command.add_argument("--scenarios", metavar="FOLDER", action="append", default=[],
                         help=f"{only}where the scenario files are, besides where they were played (repeatable)")
    command.add_argument("--lang", choices=LANGUAGES, default="nl", help="the language of the messages (nl)")


def run(args: argparse.Namespace) -> int:
    text = Say(args.lang)
    try:
        lrs = LRS(args.lrs, timeout=args.timeout)
    except BadAddress:
        return _fail(text("bad_address", lrs=args.lrs))
    credentials = credentials_for(args, lrs, text)
    if credentials is None:
        return 2
    lrs.credentials = credentials
    return _with_statements(args, text, lambda journal, outbox: _sync(journal, lrs, outbox, args, text))


def export_statements(args: argparse.Namespace) -> int:
    """`export --xapi FILE`: the statements sync would send, one JSON object per line."""
    text = Say(args.lang)

    def write(journal: Journal, outbox: Collected) -> int:
        out = Path(args.xapi)
        words = Words(args.lang)
        if refused_as_output(out, journal, words):
            return 2
        lines = "".join(json.dumps(statement, ensure_ascii=False) + "\n" for statement in outbox.statements)
        try:
            write_whole(out, lines)
        except OSError as error:
            print(words("output.cannot_write", file=out, reason=error.strerror or error), file=sys.stderr)
            return 1
        print(text("written", count=len(outbox.statements), file=out))
        return 1 if outbox.unfound else 0

    return _with_statements(args, text, write)


def _with_statements(args: argparse.Namespace, text: Say, then) -> int:
    if not _is_web_address(args.home_page):
        return _fail(text("bad_home_page", home_page=args.home_page))
    journal = open_for_command(args.db, Words(args.lang), must_exist=True)
    if journal is None:
        return 2
    with journal:
        try:
            outbox = collect(journal, ScenarioShelf(args.scenarios), Trainees(args.home_page, args.anonymous),
                             args.workshop)
            for (file, version), plays in sorted(outbox.unfound.items()):
                print(text("unfound", plays=plays, file=file, version=version), file=sys.stderr)
            return then(journal, outbox)
        except sqlite3.Error as error:
            return _fail(text("journal", path=journal.path, detail=error), code=1)


def _sync(journal: Journal, lrs: LRS, outbox: Collected, args: argparse.Namespace, text: Say) -> int:
    done: Delivered = deliver(journal, lrs, outbox.statements, args.batch)
    if done.stopped is None and done.total == done.before:  # nothing was sent: is the store there, the key right?
        done = _checked(lrs, done)
    if done.stopped is not None:
        print(problem_line(done.stopped, text), file=sys.stderr)
        key = "stopped" if done.stored else "stopped_none" if done.left else "stopped_idle"
        print(text(key, stored=done.stored, left=done.left), file=sys.stderr)
        return 1
    print(text("sent" if done.stored else "nothing", stored=done.stored, total=done.total, lrs=lrs.endpoint))
    if done.already:
        print(text("already", count=done.already))
    return 1 if outbox.unfound else 0


def _checked(lrs: LRS, done: Delivered) -> Delivered:
    try:
        lrs.check()
    except LRSError as problem:
        return replace(done, stopped=problem)
    return done


def credentials_for(args: argparse.Namespace, lrs: LRS, text: Say) -> Credentials | None:
    """The store's user name and password as the options give them (asked for in a terminal); None after saying
    what is missing."""
    password = args.password
    try:
        if args.user and password is None and PASSWORD_VARIABLE not in os.environ and sys.stdin.isatty():
            password = getpass.getpass(text("password_prompt", user=args.user, lrs=lrs.endpoint)) or None
        found = credentials_from(args.user, password, args.credentials)
    except CredentialsProblem as problem:
        print(text(problem.key, **problem.params), file=sys.stderr)
        return None
    except (EOFError, KeyboardInterrupt):
        return None
    if args.credentials and readable_by_others(Path(args.credentials)):
        print(text("loose_credentials", file=args.credentials), file=sys.stderr)
    return found


def problem_line(problem: LRSError, text: Say) -> str:
    """Why the store did not take the statements, in one line in the messages' language."""
    return text(problem.key, **_in_words(problem.params, text))


def _in_words(params: dict, text: Say) -> dict:
    """A reason the client gives as a key ('reason.refused') in the messages' language."""
    reason = params.get("reason")
    return params | ({"reason": text(reason)} if isinstance(reason, str) and reason.startswith("reason.") else {})


def _is_web_address(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code
