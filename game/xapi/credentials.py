"""The user name and password for a store: from the command line, a file, or the environment; never printed.

The file is TOML with two lines, `user = "..."` and `password = "..."`, so a trainer can keep it beside
the results and out of the shell's history.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path

from game.xapi.lrs import Credentials

USER_VARIABLE = "VOORUITGANG_LRS_USER"
PASSWORD_VARIABLE = "VOORUITGANG_LRS_PASSWORD"


class CredentialsProblem(Exception):
    """Why no credentials could be had; `key` and `params` give the message (xapi.yaml)."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(key)


def credentials_from(user: str | None, password: str | None, file: str | None,
                     environ: Mapping[str, str] = os.environ) -> Credentials:
    """--user/--password first, then --credentials FILE, then the environment. A user without a password
    takes the password from the environment; CredentialsProblem says what is missing."""
    if file and not user:
        return read_file(Path(file))
    user = user or environ.get(USER_VARIABLE)
    if not user:
        raise CredentialsProblem("no_credentials")
    password = password if password is not None else environ.get(PASSWORD_VARIABLE)
    if password is None:
        raise CredentialsProblem("no_password", user=user)
    return Credentials(user, password)


def read_file(path: Path) -> Credentials:
    try:
        found = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise CredentialsProblem("credentials_file", file=path, reason=error.strerror or str(error)) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CredentialsProblem("credentials_file", file=path, reason=str(error)) from None
    user, password = found.get("user"), found.get("password")
    if not isinstance(user, str) or not user or not isinstance(password, str):
        raise CredentialsProblem("credentials_file", file=path, reason="'user' or 'password' is missing")
    return Credentials(user, password)


def readable_by_others(path: Path) -> bool:
    """On Linux and macOS: whether the group or everyone may read the file."""
    try:
        return os.name == "posix" and bool(path.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH))
    except OSError:
        return False
