"""Verdict icons drawn by code: an arrow up for vooruitgang, a level arrow for voortgang,
an arrow down for achteruitgang. Shape and word together, never colour alone."""

from __future__ import annotations

import pygame

from game.model.scoring import Verdict


def draw_verdict(surface: pygame.Surface, rect: pygame.Rect, verdict: str, colour, white) -> None:
    size = min(rect.width, rect.height)
    box = pygame.Rect(0, 0, size, size)
    box.center = rect.center
    pygame.draw.circle(surface, colour, box.center, size // 2)
    inner = box.inflate(-size // 2, -size // 2)
    width = max(2, size // 9)
    cx, cy = inner.center
    if verdict == Verdict.VOORUITGANG:
        pygame.draw.line(surface, white, (cx, inner.bottom), (cx, inner.top), width)
        pygame.draw.polygon(surface, white, [(cx, inner.top - width), (inner.left, cy - 1), (inner.right, cy - 1)])
    elif verdict == Verdict.ACHTERUITGANG:
        pygame.draw.line(surface, white, (cx, inner.top), (cx, inner.bottom), width)
        pygame.draw.polygon(surface, white, [(cx, inner.bottom + width), (inner.left, cy + 1), (inner.right, cy + 1)])
    else:
        pygame.draw.line(surface, white, (inner.left, cy), (inner.right, cy), width)
        pygame.draw.polygon(surface, white, [(inner.right + width, cy), (cx + 1, inner.top), (cx + 1, inner.bottom)])
