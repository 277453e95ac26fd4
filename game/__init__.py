"""Vooruitgang: a sales-training game about following up a quote by phone.

Imports run one way, from the ground floor up:
- `model/`: the buyer, the deal, a playthrough and its score; pure, no words, no I/O.
- `scenario/`: reading and validating scenario files; `text/`: every word shown, per language.
- beside each other above those: `scenes/` and `ui/` (the window), `workshop/` (the results),
  `room/` (the live workshop host), `xapi/`, the trainers' tools (`lint/`, `graph/`, `playtest/`,
  `terminal/`), `bots/`; and the modules of one idea each: `debrief` (the debrief in words),
  `library` (the scenarios a trainee can choose), `session` (the game a trainee plays in the window),
  `settings`, `installation`, `userdata`, `assets`.
- on top: `app.py` (the window's main loop) and `cli/` (one module per command).
"""
