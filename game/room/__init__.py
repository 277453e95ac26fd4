"""The workshop room, live: the trainer's laptop hosts, every game reports its turns as it plays, and the
projector shows how the room chose.

- `protocol`: what a game and the host say to each other (paths, fields, answers, which turns the host keeps);
  docs/room-protocol.md.

The host:
- `held`: what the host holds for the workshop, in memory, mirroring its journal.
- `host_writer`: the one thread that writes to the host's journal, so the room never waits on the disk.
- `rate_limits`: a game that floods the host is slowed down, not the room.
- `forwarder`: the thread that forwards the room's results to the organisation's LRS (`host --lrs`).
- `server`: the Starlette app: plays in, the projector page and its live updates out, the trainer's view.
- `projector`, `lines`, `live`: the projector page's sections as HTML (every trainee's word escaped), the
  scenario words behind them, and their live updates; `static/` holds the page's CSS and script.
- `trainer`: the trainer's token and the choices made on the trainer's page.
- `lan`: the host's address on the LAN, and announcing (and finding) it with zeroconf.

The games (each play is checked on arrival by game/workshop/incoming.py, as a file to merge is):
- `client`: one game's connection to the host.
- `outbox`: the one way turns reach a host: what a results file holds, sent in order, marked when acknowledged.
- `link`: the window's link to the room: finding the host, sending on its own thread, the status it shows.
- `bots`: the bots `simulate --host` plays with, sending through the same outbox.
"""
