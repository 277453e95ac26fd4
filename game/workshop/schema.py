"""The results file's layout, and the steps that bring an older file up to date.

`PRAGMA user_version` says how many steps a file has had; a step is never changed
once shipped, only new ones added, so a file from any older game opens in a newer one.
`PRAGMA application_id` marks the file as ours, so a foreign database is never touched.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x566F6F72  # "Voor"

MIGRATIONS: tuple[str, ...] = (
    # 1: playthroughs with their turns, and the trainer's notes beside them.
    """
    CREATE TABLE plays (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        trainee TEXT NOT NULL,
        workshop TEXT NOT NULL,
        scenario_path TEXT NOT NULL,
        scenario_key TEXT NOT NULL,
        scenario_title TEXT NOT NULL,
        scenario_version TEXT NOT NULL,
        language TEXT NOT NULL,
        seed INTEGER,
        motive TEXT NOT NULL,
        started REAL NOT NULL,
        finished REAL,
        outcome TEXT,
        stage TEXT,
        score INTEGER,
        parts TEXT
    );
    CREATE INDEX plays_by_trainee ON plays (trainee, scenario_key, started);
    CREATE INDEX plays_by_workshop ON plays (workshop);
    CREATE TABLE turns (
        play_id INTEGER NOT NULL REFERENCES plays (id),
        number INTEGER NOT NULL,
        wall_time REAL NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL,
        day INTEGER NOT NULL,
        minute INTEGER NOT NULL,
        channel TEXT NOT NULL,
        call_id TEXT NOT NULL,
        point_id TEXT NOT NULL,
        choice INTEGER NOT NULL,
        say TEXT NOT NULL,
        aim TEXT NOT NULL,
        reply TEXT NOT NULL,
        verdict TEXT NOT NULL,
        points REAL NOT NULL,
        reasons TEXT NOT NULL,
        stage_before TEXT NOT NULL,
        stage_after TEXT NOT NULL,
        PRIMARY KEY (play_id, number)
    ) WITHOUT ROWID;
    CREATE TABLE notes (
        uuid TEXT PRIMARY KEY,
        play_uuid TEXT NOT NULL,
        note TEXT NOT NULL,
        override INTEGER,
        written REAL NOT NULL
    );
    CREATE INDEX notes_by_play ON notes (play_uuid, written);
    """,
    # Who has the file open for writing. A row is added (and checkpointed into the main file) before a
    # window writes, and removed when it closes; so a copy of the main file without its -wal can tell
    # whether it may miss turns, and up to when it holds everything (`vouched`).
    """
    CREATE TABLE writers (
        token TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        opened REAL NOT NULL,
        vouched REAL NOT NULL
    );
    """,
    # Playthroughs a trainer removed (`report --remove`): gone from the report, and a later merge of a
    # file that still holds them does not bring them back.
    """
    CREATE TABLE removed (
        play_uuid TEXT PRIMARY KEY,
        removed REAL NOT NULL
    );
    """,
    # Unfinished games the trainee chose not to continue at sign-in: not offered again.
    """
    CREATE TABLE set_aside (
        play_uuid TEXT PRIMARY KEY,
        set_aside REAL NOT NULL
    );
    """,
    # What was sent to which learning record store (xAPI), and the pseudonyms trainees are sent under there.
    """
    CREATE TABLE xapi_sent (
        lrs TEXT NOT NULL,
        statement TEXT NOT NULL,
        play_uuid TEXT NOT NULL,
        sent REAL NOT NULL,
        PRIMARY KEY (lrs, statement)
    ) WITHOUT ROWID;
    CREATE TABLE xapi_pseudonyms (
        trainee TEXT PRIMARY KEY,
        pseudonym TEXT NOT NULL UNIQUE
    ) WITHOUT ROWID;
    """,
    # The live workshop room (game/room). `file_id`: this file's own id, which a host names in its answers, so a
    # game can tell one host's results file from another's. `room_sent`: what the host with that results file
    # has acknowledged of each play of this file, the game's outbox marks: turns 1..through, the ending, and a
    # digest of the turns 1..through as they were then (a reload can rewrite turns already sent).
    """
    CREATE TABLE file_id (
        id TEXT NOT NULL
    );
    INSERT INTO file_id (id) VALUES (lower(hex(randomblob(16))));
    CREATE TABLE room_sent (
        host_file TEXT NOT NULL,
        play_uuid TEXT NOT NULL,
        through INTEGER NOT NULL,
        finished INTEGER NOT NULL,
        digest TEXT NOT NULL,
        acknowledged REAL NOT NULL,
        PRIMARY KEY (host_file, play_uuid)
    ) WITHOUT ROWID;
    """,
    # Reading the buyer and practice (issue 14). `readings`: once a game, which hidden motive the trainee thought the
    # buyer had and how sure (the motive it was is the play's own), after how many turns, and when. `practice`: each
    # answer given in practice at a decision point of a recorded play (its play and turn number): a phrasing said,
    # what it did, and whether it counts as answered well; kept apart from the plays, so practice is never scored
    # as a playthrough.
    """
    CREATE TABLE readings (
        play_uuid TEXT PRIMARY KEY,
        motive TEXT NOT NULL,
        confidence TEXT NOT NULL,
        after_turn INTEGER NOT NULL,
        wall_time REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE practice (
        uuid TEXT PRIMARY KEY,
        trainee TEXT NOT NULL,
        scenario_key TEXT NOT NULL,
        call_id TEXT NOT NULL,
        point_id TEXT NOT NULL,
        play_uuid TEXT NOT NULL,
        number INTEGER NOT NULL,
        choice INTEGER NOT NULL,
        say TEXT NOT NULL,
        verdict TEXT NOT NULL,
        points INTEGER NOT NULL,
        good INTEGER NOT NULL,
        wall_time REAL NOT NULL
    );
    CREATE INDEX practice_by_trainee ON practice (trainee, scenario_key);
    """,
)

LATEST = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> None:
    """Run every step the file has not had yet, each in its own transaction."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version + 1, LATEST + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another window may have migrated while we waited for the lock.
            if connection.execute("PRAGMA user_version").fetchone()[0] >= number:
                connection.execute("ROLLBACK")
                continue
            for statement in MIGRATIONS[number - 1].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
