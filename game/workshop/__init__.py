"""Workshop mode: every decision kept as it is made, the trainer's report, and laptops brought together.

A workshop, step by step (commands from the game's folder):

1. Each trainee signs in with their name and the workshop code; every turn goes into
   `results.sqlite` in the game's user data folder the moment it is made (written by the
   journal's own thread, `writer.py`; what cannot be saved yet waits in memory).
2. Afterwards, on each laptop: `python main.py export --out anouk.json --workshop ACME`.
3. On the trainer's laptop: `python main.py merge anouk.json bram.json ... --db acme.sqlite`
   (merging a file twice adds nothing; every field is checked first, `incoming.py`; a results
   file copied from a laptop merges too, and says so when it may miss turns).
4. `python main.py report --db acme.sqlite --workshop ACME --html acme.html --anonymous`
   shows the agenda for the discussion, the trend over replays, how the group chose per
   decision point and the results per trainee; `--csv` for a spreadsheet, `--lang en`.
5. `python main.py report --db acme.sqlite --note ID "text" --override 40` keeps a
   trainer's note and score beside a playthrough's (ID from the CSV's first column).

To try this without a group: `python main.py simulate FILE --runs 20 --strategy random
--record --trainee Bot --workshop TRY --db try.sqlite`.

Where it lives: `journal` (the results file: plays, turns, notes; `schema` its layout and migrations),
`entries` and `writer` (what the journal is told, written on a thread of its own), `recorder` (the journal
as the window uses it), `incoming` (every field that arrives checked), `transfer` and `salvage` (export,
merge, a damaged file read out), `group`, `words`, `table`, `page` and `sheet` (the report as data, in
words, as terminal text, HTML and a spreadsheet), `opening` (a results file opened for a command) and
`rehearsal` (bots playing a workshop, to try the report).
"""
