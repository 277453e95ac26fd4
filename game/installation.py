"""Where the game runs from: a source checkout, or an app built with PyInstaller (`make dist`).

Everything that looks for the game's own files (assets, shipped scenarios, the starter
scenarios of `new`) or for the trainer's scenario folders asks here, so no other module
needs to know the difference.

- A checkout: the game's files are in the repository; `scenarios/` holds the shipped ones.
- A built app: its own files are in PyInstaller's contents folder (`sys._MEIPASS`). A trainee
  unzips a folder holding the app and a `scenarios` folder beside it, where a trainer puts
  scenario files without rebuilding anything.

In both, the user data folder's `scenarios` folder holds the trainer's own files too: it
stays when a newer app replaces the old one.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable
from pathlib import Path

from game.userdata import user_data_dir

SCENARIOS = "scenarios"  # the folder's name wherever scenarios live
CONSOLE = "-console"  # the Windows console twin's suffix, as release/vooruitgang.spec names it


def frozen() -> bool:
    """Whether this is an app built by PyInstaller (its bootloader sets both)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def shipped_root() -> Path:
    """The folder holding `assets/`, `scenarios/` and `docs/examples/`: the app's contents, or the checkout."""
    if frozen():
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parents[1]


def app_folder() -> Path | None:
    """The folder the trainee unzipped (it holds the app, on macOS `Vooruitgang.app`); None in a checkout."""
    if not frozen():
        return None
    program = Path(sys.executable).resolve()
    bundle = next((parent for parent in program.parents if parent.suffix == ".app"), None)
    return (bundle or program).parent


def shipped_scenarios() -> Path:
    return shipped_root() / SCENARIOS


def own_scenarios() -> Path:
    """The trainer's folder in the user data folder; `new` writes there in the built app."""
    return user_data_dir() / SCENARIOS


def scenario_folders() -> list[Path]:
    """Where the game's list looks, the trainer's folders first: beside the app, the user data folder, shipped."""
    beside = app_folder()
    folders = [beside / SCENARIOS] if beside else []
    return [*folders, own_scenarios(), shipped_scenarios()]


def new_scenarios() -> Path:
    """Where `new` writes by default: the shipped folder in a checkout, the trainer's own folder in the app."""
    return own_scenarios() if frozen() else shipped_scenarios()


def console_program() -> str:
    """How a command is typed here, for usage lines and hints: `python main.py`, or the app's program that prints.

    On Windows the windowed app cannot print, so its console twin sits beside it: `Vooruitgang-console`.
    """
    if not frozen():
        return "python main.py"
    program = Path(sys.executable).stem.removesuffix(CONSOLE)
    return program + CONSOLE if sys.platform == "win32" else program


def pasteable(path: Path | str) -> str:
    """The path as it can be pasted into a command; a folder like 'C:\\Users\\Anne de Vries' has spaces."""
    return f'"{path}"' if " " in str(path) else str(path)



def run_without_console(main: Callable[[list[str]], int], argv: list[str], language: str = "en",
                        show: Callable[[str, str], None] | None = None) -> int:
    """Run a command in a program without stdout (the windowed app on Windows); show what it printed in a box.

    Windows does not wait for a windowed program started from a Command Prompt, so the box is
    the only place the trainer can read the result, with the name of the program that prints.
    """
    from game.text import say

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse's usage errors end this way
            code = stop.code if isinstance(stop.code, int) else 2
        except Exception as error:  # e.g. `play --text`, which needs a keyboard: the box says so, not a dump
            print(f"{type(error).__name__}: {error}")
            code = 1
    lines = printed.getvalue().rstrip().splitlines()
    shown = lines[-MESSAGE_LINES:]
    if len(lines) > len(shown):
        shown.insert(0, say(language, "installation.more_lines", count=len(lines) - len(shown)))
    hint = say(language, "installation.use_console", program=console_program(), arguments=" ".join(argv))
    (show or _message_box)(say(language, "installation.title"), "\n".join([*shown, "", hint]).strip())
    return code


MESSAGE_LINES = 30  # a message box taller than the screen loses its button


def _message_box(title: str, text: str) -> None:
    try:
        import pygame

        pygame.display.message_box(title, text)
    except Exception:  # nowhere left to tell: the exit code still says how the command went
        pass
