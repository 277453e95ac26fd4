"""Benchmarks: how fast the game starts, draws, loads, lints and plays. Run `python main.py bench`.

`suite` runs every benchmark and puts the figures beside `targets` and the `machine`; `window`, `loading`,
`linting`, `playing`, `refusing` and `built_app` measure one thing each, in fresh processes (`fresh`), on
files made by `generated` and `hostile`, summed up by `figures`. Run on their own: `host_load` (the workshop
host under a room's load), `report_bench` (the trainer's report of a big workshop), `floor` (where the time
of loading and playing goes).
Figures and how they were taken: docs/performance.md.
"""
