"""`shots FILE --out DIR`: play a scenario headless with a bot and save a PNG of every screen.

Title, sign-in, choice, briefing, every reaching step, every decision point, every reply, the reading of the
buyer (both steps; the bot reads the motive its strategy would, fairly sure) and the debrief, numbered in the
order they were seen.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path

from game.bots.strategy import STRATEGIES, Strategy, bot_rng
from game.cli.validate import loaded_or_told
from game.model.motive import Motive
from game.text import LANGUAGES


def add(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("shots", help="play a scenario with a bot and save a screenshot of every screen")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--out", required=True, metavar="DIR")
    command.add_argument("--strategy", choices=STRATEGIES, default="advance")
    command.add_argument("--size", default=(1280, 720), type=window_size, metavar="WxH",
                         help="the window size, e.g. 1024x600 (default 1280x720)")
    command.add_argument("--lang", choices=LANGUAGES, default="nl", help="the interface language")
    command.add_argument("--seed", type=int, default=0)
    command.add_argument("--text-size", choices=("small", "normal", "large"), default="normal")
    command.add_argument("--high-contrast", action="store_true")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    scenario = loaded_or_told(args.file)
    if scenario is None:
        return 1
    try:
        Path(args.out).mkdir(parents=True, exist_ok=True)
        probe = Path(args.out) / ".written"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        print(f"{args.out}: cannot write screenshots there ({error.strerror or error})")
        return 1
    try:
        saved = take_shots(Path(args.file), Path(args.out), args.strategy, args.size, args.lang, args.seed,
                           args.text_size, args.high_contrast)
    except (OSError, pygame_error()) as error:
        print(f"{args.out}: cannot write screenshots there ({getattr(error, 'strerror', None) or error})")
        return 1
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


def window_size(text: str) -> tuple[int, int]:
    """'1024x600' as (1024, 600); argparse says what is wrong with anything else."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 320 <= int(width) <= 7680 and 240 <= int(height) <= 4320):
        raise argparse.ArgumentTypeError(f"'{text}' is no window size; write it as WIDTHxHEIGHT, e.g. 1024x600")
    return int(width), int(height)


def bot_reading(strategy: str, motive: Motive) -> Motive:
    """The motive a bot reads: one that moves the deal reads it right; the others hear the classic miss, a polite
    no as real interest (and anything else as a polite no), so the shots show a wrong reading too."""
    if strategy == "advance":
        return motive
    return Motive.REAL_INTEREST if motive == Motive.POLITE_NO else Motive.POLITE_NO


def pygame_error() -> type[Exception]:
    import pygame

    return pygame.error


def take_shots(path: Path, out: Path, strategy: str, size: tuple[int, int], lang: str, seed: int = 0,
               text_size: str = "normal", high_contrast: bool = False) -> list[Path]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.app import App
    from game.model.playthrough import Phase
    from game.scenes.call import CallScene
    from game.scenes.debrief_screen import DebriefScene
    from game.scenes.reaching import ReachingScene
    from game.scenes.reading import ReadingScene
    from game.settings import Settings
    from game.ui.look import Look

    @dataclass
    class CutShort(Look):
        """A look that notes every text it had to cut short to fit its box."""

        texts: list[str] = field(default_factory=list)

        def drew(self, text: str, used: pygame.Rect, cut: bool) -> None:
            if cut:
                self.texts.append(text)

    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(language=lang, trainee="Sam", text_size=text_size, high_contrast=high_contrast)
    look = CutShort.create(settings)
    app = App(size=size, sound=False, persist=False, paths=[path], seed=seed, look=look)
    saved: list[Path] = []
    cut: dict[str, str] = {}

    def shot(name: str) -> None:
        app.dirty = True
        look.texts.clear()
        app.frame(0.0)
        target = out / f"{len(saved) + 1:03d}-{name}.png"
        pygame.image.save(app.window, str(target))
        saved.append(target)
        cut.update(dict.fromkeys(look.texts, target.name))

    def key(code: int) -> None:
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))

    bot = Strategy(strategy, bot_rng(seed))
    shot("title")
    key(pygame.K_RETURN)
    shot("sign-in")
    key(pygame.K_RETURN)
    shot("choice")
    key(pygame.K_RETURN)
    shot("briefing")
    key(pygame.K_RETURN)
    for _ in range(500):
        scene = app.stack.top
        play = app.flow.session.play if app.flow.session else None
        if isinstance(scene, DebriefScene) or play is None:
            break
        if isinstance(scene, ReachingScene):
            moment, channel = bot.contact(play)
            scene.cursor = moment
            scene._refresh_buttons()
            shot(f"reaching-{moment.day}-{moment.clock.replace(':', '')}")
            scene.attempt(moment, channel)
            scene.update(60.0)
            shot(f"reaching-{turn_name(play)}")
            scene.proceed()
        elif isinstance(scene, ReadingScene):
            shot("reading")
            key(pygame.K_1 + list(Motive).index(bot_reading(strategy, play.motive)))
            shot("reading-sure")
            key(pygame.K_2)
        elif isinstance(scene, CallScene) and play.phase == Phase.IN_CALL:
            shot(f"decision-{play.point.id}")
            scene.say(bot.phrasing(play))
            shot(f"reply-{play.turns[-1].point_id}")
            scene.proceed()
        elif play.phase == Phase.ENDED:
            app.frame(0.0)
        else:
            break
    shot("debrief")
    app.close()
    for text, where in cut.items():
        print(f"{where}: text cut short to fit its box: {text[:70]!r}")
    return saved


def turn_name(play) -> str:
    return play.turns[-1].outcome.replace("_", "-")
