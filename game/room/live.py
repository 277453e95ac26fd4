"""Live updates: after each accepted turn the page's sections are drawn again, at most a few times a second,
and every open projector page (and trainer's page) gets the newest drawing over server-sent events.

A page that reads slowly only ever has the newest drawing waiting, never a growing queue.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable

QUIET = 0.2  # seconds between two drawings: turns arriving together are drawn together
MOST_PAGES = 200  # open pages at once; more are refused, so pages cannot exhaust the host


class Full(Exception):
    pass


class Broadcast:
    def __init__(self, draw: Callable[[bool], dict]):
        self.draw = draw  # draw(trainer) -> the page's sections and what else the page needs
        self._pages: dict[asyncio.Queue, bool] = {}
        self._changed = asyncio.Event()
        self._latest: dict[bool, str] = {}
        self.drawn = 0

    def changed(self) -> None:
        self._changed.set()

    async def run(self) -> None:
        while True:
            await self._changed.wait()
            self._changed.clear()
            self._latest.clear()
            if self._pages:
                for trainer in set(self._pages.values()):
                    self._send(trainer, self.snapshot(trainer))
            await asyncio.sleep(QUIET)

    def snapshot(self, trainer: bool) -> str:
        if trainer not in self._latest:
            self._latest[trainer] = json.dumps(self.draw(trainer), ensure_ascii=False)
            self.drawn += 1
        return self._latest[trainer]

    def _send(self, trainer: bool, data: str) -> None:
        for page, is_trainer in self._pages.items():
            if is_trainer == trainer:
                if page.full():
                    page.get_nowait()
                page.put_nowait(data)

    async def follow(self, trainer: bool) -> AsyncIterator[str]:
        """The page's drawings: the current one at once, then each new one."""
        if len(self._pages) >= MOST_PAGES:
            raise Full
        page: asyncio.Queue = asyncio.Queue(maxsize=1)
        self._pages[page] = trainer
        try:
            yield self.snapshot(trainer)
            while True:
                yield await page.get()
        finally:
            del self._pages[page]

    @property
    def pages(self) -> int:
        return len(self._pages)
