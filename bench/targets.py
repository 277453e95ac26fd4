"""What each figure should be on the reference machine (2 cores): the goals in docs/performance.md.

They are the figures a trainee or a trainer feels, for scenarios of the size that ship (9 to 12 decision
points), plus a 1,000-point file as the largest a trainer could plausibly write. The hostile-file guard
and the built app have their own.
"""

FIRST_FRAME_S = 0.5
SCENE_FRAME_MS = 4.0          # median, at 1280x720
IDLE_CPU_PERCENT = 2.0        # of one core
LOAD_SHIPPED_S = 0.05         # load + validate the largest shipped scenario, in a fresh process
LOAD_1000_S = 0.5             # load + validate a generated file of 1,000 decision points, likewise
PLAYTHROUGHS_PER_S = 1_000    # random bot, headless, each shipped scenario
HOSTILE_REFUSAL_S = 1.0       # each file in bench/hostile.py refused within a second
APP_FIRST_FRAME_S = 1.0       # the built app (make dist), from process start
ZIP_MB = 60.0                 # dist/vooruitgang-<version>-<os>.zip
