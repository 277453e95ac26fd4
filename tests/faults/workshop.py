"""The faults a workshop laptop produces, for real: another program holding the results file, a full disk."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

# Holds the write lock on a results file (as a database browser or a backup tool may) until told to let go.
HOLDER = textwrap.dedent("""
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    connection.execute("BEGIN EXCLUSIVE")
    print("held", flush=True)
    sys.stdin.readline()
    connection.execute("COMMIT")
""")


class HeldLock:
    """Another process holding `BEGIN EXCLUSIVE` on `path` from `hold()` until `release()`."""

    def __init__(self, path: Path):
        self.path = path
        self.process: subprocess.Popen | None = None

    def hold(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, str(self.path)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "held"

    def release(self) -> None:
        if self.process is not None:
            self.process.communicate("\n", timeout=30)
            self.process = None

    @property
    def held(self) -> bool:
        return self.process is not None


@contextlib.contextmanager
def held_lock(path: Path) -> Iterator[HeldLock]:
    lock = HeldLock(path)
    lock.hold()
    try:
        yield lock
    finally:
        lock.release()


class SmallDisk:
    """A real, small filesystem (tmpfs) that can be filled to the last byte and freed again."""

    def __init__(self, where: Path, size: str = "4m"):
        self.where = where
        self.size = size
        self.filler = where / "filler.bin"

    def mount(self) -> None:
        if os.geteuid() != 0:
            pytest.skip("mounting a small disk needs root (CI runs as root)")
        self.where.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size}", "tmpfs", str(self.where)], check=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], check=False)

    def fill(self) -> None:
        """Write until the disk says it is full."""
        handle = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 16, 1 << 12, 1):  # big blocks, then the last bytes
                with contextlib.suppress(OSError):
                    while os.write(handle, b"\0" * size):
                        pass
        finally:
            os.close(handle)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    @property
    def full(self) -> bool:
        return self.filler.exists()


@contextlib.contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[SmallDisk]:
    disk = SmallDisk(where, size)
    disk.mount()
    try:
        yield disk
    finally:
        disk.unmount()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` made truly read-only for the time being (root ignores file modes: a read-only mount)."""
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        try:
            yield folder
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(mode)
