"""`simulate FILE --strategy advance|prolong|random`: play headless with a bot and print the outcome.

`--record --trainee NAME --workshop CODE [--db PATH]` keeps the runs in the results file,
turn by turn as the game does, so the trainer's report can be tried without playing by hand.

`--host URL --trainee NAME --workshop CODE` plays against a live workshop host: every turn is committed
locally (in `--db`, else in memory) and posted to the host as a game does, retrying until the host
acknowledged it. `--bots N` plays N trainees at once, `--pace 2-5` waits between turns as people do.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter

from game.bots.strategy import STRATEGIES, Strategy, bot_rng, play_out
from game.cli.validate import loaded_or_told
from game.model.playthrough import Playthrough
from game.model.scenario import Scenario
from game.text import said
from game.workshop.entries import begun, ended, turned
from game.workshop.journal import Journal, in_use
from game.workshop.opening import open_for_command
from game.workshop.words import Words
from game.workshop.writer import Writer

SEEDS = (-(2**63), 2**63 - 1)  # what the results file can keep
MOST_WAITING = 2000  # entries in memory before the bot waits for the disk


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("simulate", help="let a bot play a scenario and print outcome and score")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--strategy", choices=STRATEGIES, default="advance")
    command.add_argument("--seed", type=int, default=0, help="the first seed (default 0)")
    command.add_argument("--runs", type=int, default=1, help="how many seeds to play, from --seed on")
    command.add_argument("--json", action="store_true", help="one JSON object per run, one per line")
    command.add_argument("--record", action="store_true", help="keep the runs in the results file")
    command.add_argument("--trainee", metavar="NAME", default="bot", help="with --record: who played")
    command.add_argument("--workshop", metavar="CODE", default="", help="with --record: the workshop code")
    command.add_argument("--db", metavar="PATH", help="with --record: the results file (default: this computer's)")
    command.add_argument("--host", metavar="URL",
                         help="post every turn to this workshop host (http://ADDRESS:PORT, or 'find' for the LAN's)")
    command.add_argument("--bots", type=int, default=1, metavar="N", help="with --host: N trainees at once (NAME 1..N)")
    command.add_argument("--pace", metavar="SECONDS", default="0",
                         help="with --host: seconds between a bot's turns, or a range such as 2-5")
    command.add_argument("--patience", type=float, default=120.0, metavar="SECONDS",
                         help="with --host: how long to keep trying to deliver after the last turn (120)")
    command.set_defaults(run=run)


def simulate(scenario: Scenario, strategy: str, seed: int) -> Playthrough:
    """One headless game: the same scenario, strategy and seed always give the same game."""
    return play_out(Playthrough.start(scenario, seed, clock=lambda: 0.0), Strategy(strategy, bot_rng(seed)))


def simulate_recorded(scenario: Scenario, strategy: str, seed: int, writer: Writer, trainee: str = "",
                      workshop: str = "") -> tuple[Playthrough, str]:
    """The same game, each turn handed to the writer as it is made, at the real time, as in the window;
    with its play id."""
    play = Playthrough.start(scenario, seed, clock=time.time)
    entry = begun(play, trainee, workshop, seed)
    writer.put(entry)
    play.listeners.append(lambda _play, turn: writer.put(turned(entry.play_uuid, turn, scenario.language)))
    play_out(play, Strategy(strategy, bot_rng(seed)))
    writer.put(ended(entry.play_uuid, play))
    return play, entry.play_uuid


def as_record(play: Playthrough, strategy: str, seed: int) -> dict:
    return {
        "scenario": play.scenario.path,
        "strategy": strategy,
        "seed": seed,
        "motive": play.motive,
        "outcome": play.ending,
        "stage": play.deal.stage,
        "score": play.score.total,
        "contacts": play.contacts_used,
        "turns": [
            {"number": t.number, "kind": t.kind, "day": t.moment.day, "time": t.moment.clock,
             "outcome": t.outcome, "say": said(play.scenario.language, t), "aim": t.aim or "", "verdict": t.verdict,
             "points": t.points, "reasons": list(t.judgement.reasons),
             "stage": t.change.stage_after}
            for t in play.turns
        ],
    }


def run(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print(f"--runs {args.runs}: give at least 1 run", file=sys.stderr)
        return 2
    if args.record and not (SEEDS[0] <= args.seed and args.seed + args.runs - 1 <= SEEDS[1]):
        print(f"--seed {args.seed}: a recorded seed lies between {SEEDS[0]} and {SEEDS[1]}", file=sys.stderr)
        return 2
    scenario = loaded_or_told(args.file)
    if scenario is None:
        return 1
    if args.host:
        return _against_host(scenario, args)
    words = Words(scenario.language)
    writer = _writer(args.db, words) if args.record else None
    if args.record and writer is None:
        return 2
    scores: list[int] = []  # one number per run: memory stays small however many runs
    outcomes: Counter = Counter()
    said: list = [None]
    try:
        for seed in range(args.seed, args.seed + args.runs):
            play, play_uuid = simulate_recorded(scenario, args.strategy, seed, writer, args.trainee, args.workshop) \
                if writer else (simulate(scenario, args.strategy, seed), "")
            if args.json:
                print(json.dumps({**as_record(play, args.strategy, seed), **({"play": play_uuid} if writer else {})},
                                 ensure_ascii=False))
            else:
                print(_summary_line(play, seed))
            scores.append(play.score.total)
            outcomes[play.ending] += 1
            if writer is not None:
                _say_waiting(writer, words, said)
                if writer.pending > MOST_WAITING:
                    _wait_for(writer, words, said)  # the disk is behind: let it catch up before playing more
    except KeyboardInterrupt:
        print(words("simulate.stopped"), file=sys.stderr)
    finally:
        if writer is not None:
            _wait_for(writer, words, said)
            writer.close(timeout=0)
            print(words("recorded", file=args.db or in_use()), file=sys.stderr)
    if not args.json and len(scores) > 1:
        print(_median_line(args.strategy, scores, outcomes))
    return 0


def report(plays: list[Playthrough], args: argparse.Namespace) -> None:
    """The runs played against a host, as a plain `simulate` prints them."""
    for seed, play in enumerate(plays, start=args.seed):
        print(json.dumps(as_record(play, args.strategy, seed), ensure_ascii=False) if args.json
              else _summary_line(play, seed))
    if not args.json and len(plays) > 1:
        print(_median_line(args.strategy, [p.score.total for p in plays], Counter(p.ending for p in plays)))


def _median_line(strategy: str, scores: list, outcomes: Counter) -> str:
    return (f"{strategy}: median score {statistics.median(scores):g} over {len(scores)} runs; "
            + ", ".join(f"{name} {count}" for name, count in outcomes.most_common()))


def _writer(db: str | None, words: Words) -> Writer | None:
    """A writer for the results file, once it is known to be ours; None after saying why not."""
    journal = open_for_command(db, words)
    if journal is None:
        return None
    return Writer(lambda: journal)


def _say_waiting(writer: Writer, words: Words, said: list) -> None:
    """Say once why runs wait to be saved, each time the reason changes."""
    waiting = writer.waiting
    if waiting is not None and waiting != said[0]:
        print(words(f"simulate.waiting.{waiting}", count=writer.pending), file=sys.stderr)
    said[0] = waiting


def _wait_for(writer: Writer, words: Words, said: list) -> None:
    """Wait until every run so far is in the results file, saying why while it waits (Ctrl-C gives up)."""
    try:
        while not writer.flush(timeout=0.5):
            _say_waiting(writer, words, said)
    except KeyboardInterrupt:
        print(words("simulate.unsaved", count=writer.pending), file=sys.stderr)


def _summary_line(play: Playthrough, seed: int) -> str:
    verdicts = Counter(t.verdict for t in play.turns)
    counted = ", ".join(f"{count} {name}" for name, count in verdicts.most_common())
    return (f"seed {seed}: {play.ending}, score {play.score.total}, {len(play.turns)} turns ({counted}), "
            f"motive {play.motive}")


def _against_host(scenario: Scenario, args: argparse.Namespace) -> int:
    """`--host`: bots play as trainees in a live workshop; each keeps its turns locally until acknowledged."""
    import random
    import threading

    from game.room.bots import play_live
    from game.room.client import RoomClient
    from game.room.lan import find
    from game.room.outbox import Outbox

    if not args.workshop.strip():
        print("--host needs --workshop CODE: the code on the trainer's screen", file=sys.stderr)
        return 2
    pace = _pace(args.pace)
    if pace is None or args.bots < 1:
        print(f"--pace takes seconds or a range such as 2-5, not '{args.pace}'", file=sys.stderr)
        return 2
    url = args.host
    if url == "find":
        found = find(args.workshop)
        if found is None:
            print(f"No host for workshop {args.workshop} answered on this network.", file=sys.stderr)
            return 1
        url = found.url
    try:
        RoomClient(url, args.workshop)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    names = [args.trainee] if args.bots == 1 else [f"{args.trainee} {n}" for n in range(1, args.bots + 1)]
    results: dict[str, tuple[list[Playthrough], Outbox, bool]] = {}
    earlier: dict[str, int] = {}  # per bot: turns and endings an earlier run with this --db left unsent
    if args.db:
        # Made once, before the bots: a bot opening a file another is still making takes it for a stranger's.
        journal = open_for_command(args.db, Words(scenario.language))
        if journal is None:
            return 2
        journal.close()

    def trainee(name: str, number: int) -> None:
        journal = Journal.open(args.db or ":memory:")
        outbox = Outbox(journal, RoomClient(url, args.workshop), trainee=name)
        earlier[name] = outbox.waiting()
        rng = random.Random(f"{name}-{args.seed}")
        plays = [play_live(scenario, args.strategy, seed, journal, outbox, name, args.workshop,
                           pace=lambda: rng.uniform(*pace))
                 for seed in range(args.seed + number * args.runs, args.seed + (number + 1) * args.runs)]
        delivered = outbox.drain(args.patience)
        results[name] = (plays, outbox, delivered)
        outbox.client.close()
        journal.close()

    threads = [threading.Thread(target=trainee, args=(name, number), daemon=True) for number, name in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if args.bots == 1:
        report(results[args.trainee][0], args)
    turns = sum(len(play.turns) for plays, _, _ in results.values() for play in plays)
    posts = sum(outbox.posts for _, outbox, _ in results.values())
    refused = [why for _, outbox, _ in results.values() for why in outbox.refused.values()]
    undelivered = [name for name in names if name not in results or not results[name][2]]  # a bot that broke too
    left = sum(earlier.values())
    carried = f"; {left} turns and endings from an earlier run were waiting too" if left else ""
    print(f"host {url}: {_counted(len(names), 'trainee')} played {_counted(turns, 'turn')} in this run{carried}; "
          f"{_counted(posts, 'post')}; " + (_not_acknowledged(undelivered, refused, args.db) or "all acknowledged"),
          file=sys.stderr)
    for why in sorted(set(refused)):
        print(f"  refused: {why}", file=sys.stderr)
    return 0 if not undelivered and not refused else 1


def _counted(count: int, thing: str) -> str:
    return f"{count} {thing}{'' if count == 1 else 's'}"


def _not_acknowledged(undelivered: list[str], refused: list[str], db: str | None) -> str:
    """What did not reach the host, and where what waits is kept."""
    said = []
    if undelivered:
        kept = (f"the turns wait in {db}, and the next run with that --db sends them" if db
                else "their turns were kept in memory only (--db keeps them)")
        said.append(f"not delivered for {_counted(len(undelivered), 'trainee')}: {kept}")
    if refused:
        said.append(f"{_counted(len(refused), 'play')} refused")
    return "; ".join(said)


def _pace(text: str) -> tuple[float, float] | None:
    low, _, high = text.partition("-")
    try:
        pace = (float(low), float(high or low))
    except ValueError:
        return None
    return pace if 0 <= pace[0] <= pace[1] < 3600 else None
