"""The game in a terminal, for a quick try-out of a scenario and for tests with piped input."""

from game.terminal.terminal_game import TerminalGame

__all__ = ["TerminalGame"]
