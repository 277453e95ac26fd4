"""Problems in a scenario file, shown over the game with file:line:column, so a trainer
can fix the file and press F5 again. Closes with None (the game goes on as it was)."""

from __future__ import annotations

import pygame

from game.scenario.problem import Problem
from game.scenes.scene import Scene
from game.ui.look import Look


class ProblemScene(Scene):
    overlay = True

    def __init__(self, look: Look, problems: list[Problem]):
        super().__init__(look)
        self.problems = problems

    def handle(self, event: pygame.event.Event) -> None:
        closing = event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER)
        if closing or event.type == pygame.MOUSEBUTTONDOWN:
            self.close(None)

    def draw(self, surface: pygame.Surface) -> None:
        look = self.look
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(look.colour("shade"))
        surface.blit(shade, (0, 0))
        lines = []
        for problem in self.problems:
            lines.append(f"{problem.file}:{problem.line}:{problem.column}: {problem.message}")
            if problem.hint:
                lines.append(f"    {problem.hint}")
        text = "\n".join(lines)
        pad, gap = 3 * look.space("padding"), look.space("gap")
        most = surface.get_rect().inflate(-4 * look.space("margin"), -4 * look.space("margin"))
        head_h = look.font("heading", True).get_linesize()
        foot_h = look.font("small").get_linesize() * 2
        body_h = look.text_height(text, most.width - 2 * pad, "body")
        box = pygame.Rect(0, 0, most.width, min(most.height, head_h + body_h + foot_h + 2 * gap + 2 * pad))
        box.center = surface.get_rect().center
        look.panel(surface, box, edge="problem", width=2)
        inner = box.inflate(-2 * pad, -2 * pad)
        look.text(surface, self.t("problem.title"), pygame.Rect(inner.left, inner.top, inner.width, head_h),
                  "heading", "problem", bold=True)
        body = pygame.Rect(inner.left, inner.top + head_h + gap, inner.width, inner.height - head_h - foot_h - 2 * gap)
        look.text(surface, text, body, "body", "text")
        look.text(surface, self.t("problem.hint"), pygame.Rect(inner.left, inner.bottom - foot_h, inner.width, foot_h),
                  "small", "muted")
