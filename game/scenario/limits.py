"""Size limits that keep a broken or hostile scenario file from hanging the game.

They are far above what a hand-written scenario needs; each problem message names its limit.
"""

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_DEPTH = 40
MAX_NODES = 1_200_000  # a scenario at MAX_DECISION_POINTS needs about 1.05 million values
MAX_DECISION_POINTS = 20_000
MAX_PHRASINGS = 60_000
MAX_PROBLEMS = 500  # listed per file; past that, more messages help nobody and cost time
