"""The workshop room, live: the trainer's laptop hosts, every game reports its turns as it plays, and the
projector shows how the room chose.

- `protocol`: what a game and the host say to each other (paths, fields, answers); docs/room-protocol.md.
- `room`: what the host holds for the workshop, in memory, mirroring its journal.
- `writer`: the one thread that writes to the host's journal, so the room never waits on the disk.
- `app`: the Starlette app: plays in, the projector page and its live updates out, the trainer's view.
- `projector`: the projector page's sections as HTML, every trainee's word escaped.
- `client`, `bots`: posting plays as a game does; the bots `simulate --host` plays with.
- `lan`: the host's address on the LAN, and announcing (and finding) it with zeroconf.
"""
