"""The workshop room, live: the trainer's laptop hosts, every game reports its turns as it plays, and the
projector shows how the room chose.

- `protocol`: what a game and the host say to each other (paths, fields, answers); docs/room-protocol.md.
- `posted`: every posted play is checked here, field by field, before anything is stored.
- `rate_limits`: a game that floods the host is slowed down, not the room.
- `host_writer`: the one thread that writes to the host's journal, so the room never waits on the disk.
- `held`: the room as the host holds it, in memory, mirroring its journal.
- `server`: the Starlette app: plays in, the projector page and its live updates out, the trainer's view.
- `projector`, `lines`, `live`: the projector page's sections as HTML (every trainee's word escaped), the
  scenario words behind them, and their live updates; `static/` holds the page's CSS and script.
- `trainer`: the trainer's token and the choices made on the trainer's page.
- `client`, `bots`: posting plays as a game does; the bots `simulate --host` plays with.
- `lan`: the host's address on the LAN, and announcing (and finding) it with zeroconf.
"""
