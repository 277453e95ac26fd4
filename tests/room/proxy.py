"""A TCP proxy on 127.0.0.1 that can cut a game's connection as a dropped Wi-Fi does: while cut, bytes go
nowhere and new connections hang unanswered; when mended, the held connections are dropped."""

from __future__ import annotations

import contextlib
import socket
import threading


class Proxy:
    def __init__(self, target_port: int):
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.connected = threading.Event()
        self.connected.set()
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut(self) -> None:
        self.connected.clear()

    def mend(self) -> None:
        self._drop_all()
        self.connected.set()

    def close(self) -> None:
        self._closed = True
        self.listener.close()
        self._drop_all()

    def _drop_all(self) -> None:
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.close()
        self._sockets.clear()

    def _accept(self) -> None:
        while not self._closed:
            try:
                game, _ = self.listener.accept()
            except OSError:
                return
            self._sockets.append(game)
            threading.Thread(target=self._connect, args=(game,), daemon=True).start()

    def _connect(self, game: socket.socket) -> None:
        self.connected.wait()
        try:
            host = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
        except OSError:
            game.close()
            return
        host.settimeout(None)
        self._sockets.append(host)
        for source, target in ((game, host), (host, game)):
            threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                self.connected.wait()  # while cut, the bytes wait here and the game hears nothing
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
