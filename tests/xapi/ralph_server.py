"""Ralph's LRS API on 127.0.0.1 with its file backend, for the tests: `.venv-lrs/bin/python ralph_server.py PORT`.

Run by the tests with .venv-lrs's Python, never imported by the game. `ralph runserver` cannot be used as it is:
- Ralph 5.1.0's file backend writes each POST with the CREATE operation, so every POST after the first fails
  with a 500 ('fs_lrs.jsonl already exists'); appending is what a store must do;
- runserver starts uvicorn with its reloader, a second process the tests could not stop by one pid;
- the backend rewrites a whole history.json after every read and write (bookkeeping for downloads, of no use
  to an LRS): a server killed during that rewrite leaves the file empty, and every request after a restart
  fails. The tests kill the server on purpose, so the history is not kept.
The environment (set by the tests) says where the users and the statements live: RALPH_APP_DIR,
RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND
FSDataBackend.append_to_history = lambda self, event: None  # both reads and writes call this one

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), workers=1, reload=False,
                log_level="warning", access_log=False)
