"""What each figure should be on the reference machine (2 cores): the goals in docs/performance.md."""

FIRST_FRAME_S = 0.5
SCENE_FRAME_MS = 4.0          # median, at 1280x720
IDLE_CPU_PERCENT = 2.0        # of one core
LOAD_S = {"1000": 0.2, "10000": 2.0}
LINT_1000_S = 1.0
PLAYTHROUGHS_PER_S = 3_000    # random bot, generated scenario of ten decision points
HOSTILE_REFUSAL_S = 1.0       # each file in bench/hostile.py refused within a second
APP_FIRST_FRAME_S = 1.0       # the built app (make dist), from process start
ZIP_MB = 60.0                 # dist/vooruitgang-<version>-<os>.zip
